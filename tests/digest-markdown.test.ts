import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comment, Digest, Discussion, Resource } from '../src/api/contract';
import { digestMarkdown, mdText } from '../src/features/digest/digest-markdown';
import { renderMarkdown } from '../src/lib/markdown';
import { SEED_SLUG, api } from './support';

/** A CommonMark renderer as another reader of the file would use, raw HTML allowed. */
const commonmark = new MarkdownIt('commonmark');

const rendered = (markdown: string) =>
  new DOMParser().parseFromString(commonmark.render(markdown), 'text/html').body;

const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** What Agora shows of a comment: the text of the HTML its renderer made. */
const shownByAgora = (html: string) =>
  words(
    Array.from(
      new DOMParser().parseFromString(html, 'text/html').body.querySelectorAll('p, li'),
      (block) => block.textContent,
    ).join(' '),
  );

let discussion: Discussion;
let digest: Digest;

beforeAll(async () => {
  discussion = (await api(`/discussions/${SEED_SLUG}`)).body as Discussion;
  digest = (await api(`/discussions/${SEED_SLUG}/digest`)).body as Digest;
});

function withComment(body: string, name = 'Amina Diallo', organisation: string | null = null) {
  const [first] = digest.extracts;
  if (!first) throw new Error('The seeded digest has extracts.');
  const extract: Comment = {
    ...first,
    body,
    html: renderMarkdown(body, SEED_SLUG).html,
    author: { ...first.author, name, organisation },
  };
  return { ...digest, extracts: [extract], resources: [], campaigns: [] };
}

function withResource(fields: Partial<Resource>): Digest {
  const [first] = digest.resources;
  if (!first) throw new Error('The seeded digest lists resources.');
  return { ...digest, extracts: [], campaigns: [], resources: [{ ...first, ...fields }] };
}

/** Nothing but the document's own markup: no raw HTML, no link but to the web. */
function expectNoInjectedMarkup(body: HTMLElement) {
  expect(body.querySelector('script, img, iframe, b, i, span, div, table, pre, code, hr')).toBe(
    null,
  );
  for (const link of body.querySelectorAll('a')) {
    expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
  }
}

describe("the digest's Markdown", () => {
  it('keeps ordinary text readable', () => {
    const markdown = digestMarkdown(discussion, digest);
    expect(markdown).not.toContain('\\.');
    expect(markdown).toContain(
      'Read the full original thread: <http://wikigender.org/index.php/Online_Discussions>\n',
    );
    expect(markdown).toContain('> — Macarena Aguilar, AWID\n');
    expect(rendered(markdown).querySelectorAll('h1')).toHaveLength(1);
  });

  it('shows a resource title written as a javascript: link as its words, with no link', () => {
    const title = '[Click me](javascript:alert(1))';
    const body = rendered(
      digestMarkdown(discussion, withResource({ title, url: 'javascript:alert(1)' })),
    );
    expectNoInjectedMarkup(body);
    expect(body.querySelectorAll('li a')).toHaveLength(0);
    expect(words(body.querySelector('li')?.textContent)).toMatch(/^\[Click me\]\(javascript:/);
  });

  it('links to an address with parentheses and spaces as it is, under its title', () => {
    const url = 'https://example.org/wiki/Gender_(sociology)) x<y>';
    const title = 'A title](https://evil.example) with [brackets';
    const body = rendered(digestMarkdown(discussion, withResource({ title, url })));
    expectNoInjectedMarkup(body);
    const links = body.querySelectorAll('li a');
    expect(links).toHaveLength(1);
    expect(links[0]?.textContent).toBe(title);
    expect(links[0]?.getAttribute('href')).toBe(new URL(url).href.replace(/[<> ]/g, encodeURI));
  });

  it('links to the original thread by an autolink nothing in its address can end', () => {
    const originalUrl = 'https://example.org/thread?q=a b<c>&d=(e)#"f"';
    const body = rendered(
      digestMarkdown(
        { ...discussion, originalUrl },
        { ...digest, extracts: [], resources: [], campaigns: [] },
      ),
    );
    expectNoInjectedMarkup(body);
    const link = Array.from(body.querySelectorAll('a')).at(-1);
    expect(link?.getAttribute('href')).toBe(new URL(originalUrl).href);
    // A renderer may show the address decoded; it is the one link of its paragraph.
    expect(link?.parentElement?.querySelectorAll('a')).toHaveLength(1);
    expect(link?.parentElement?.textContent).toMatch(
      /^Read the full original thread: https:\/\/example\.org\/thread\?q=a/,
    );
  });

  it('shows raw HTML in a description or a name as text', () => {
    const description = '<img src=x onerror=alert(1)> & <b>bold</b> &amp;';
    const resource = rendered(digestMarkdown(discussion, withResource({ description })));
    expectNoInjectedMarkup(resource);
    expect(words(resource.querySelector('li')?.textContent)).toContain(`: ${description}`);

    const name = '<b>Amina</b> *Diallo* _x_';
    const quote = rendered(digestMarkdown(discussion, withComment('Hello', name, '<i>Org</i>')));
    expectNoInjectedMarkup(quote);
    expect(words(quote.querySelector('blockquote')?.textContent)).toBe(
      `“Hello” — ${name}, <i>Org</i>`,
    );
  });

  it('keeps a comment with carriage returns, headings and raw HTML inside its quote', () => {
    const comment =
      'First line\r# Not a heading\r\n1. Not a list\r\n===\r\n<script>alert(1)</script> **strong** `code`';
    const markdown = digestMarkdown(discussion, withComment(comment));
    expect(markdown).not.toContain('\r');
    const body = rendered(markdown);
    expectNoInjectedMarkup(body);
    // The document's own headings only.
    const headings = Array.from(
      body.querySelectorAll('h1, h2, h3, h4, h5, h6'),
      (h) => h.textContent,
    );
    expect(headings).toEqual(
      Array.from(
        rendered(digestMarkdown(discussion, withComment('Hi'))).querySelectorAll(
          'h1, h2, h3, h4, h5, h6',
        ),
        (h) => h.textContent,
      ),
    );
    // Agora itself shows "1. Not a list" as a list: so does the quote.
    expect(body.querySelectorAll('blockquote ol')).toHaveLength(1);
    const quotes = body.querySelectorAll('blockquote');
    expect(quotes).toHaveLength(1);
    const agora = shownByAgora(renderMarkdown(comment, SEED_SLUG).html);
    expect(agora).toContain('<script>alert(1)</script>');
    // The curly quotes stand in a paragraph of their own where the comment ends with a list.
    const unquoted = (text: string) => words(text).replace(/\s*([“”])\s*/g, '$1');
    expect(unquoted(quotes[0]?.textContent ?? '')).toBe(unquoted(`“${agora}” — Amina Diallo`));
  });

  it('keeps the lists and quotes of a comment inside the quote', () => {
    const comment = 'Three points:\n\n- one\n- two <b>\n\n> a quote\n\n2) the end';
    const body = rendered(digestMarkdown(discussion, withComment(comment)));
    expectNoInjectedMarkup(body);
    const outer = body.querySelector('blockquote');
    expect(outer?.querySelectorAll('li')).toHaveLength(3);
    expect(outer?.querySelector('blockquote')?.textContent).toContain('a quote');
    expect(body.querySelectorAll('body > :not(blockquote, h1, h2, p)')).toHaveLength(0);
  });

  it('escapes the introduction, the editorial and the event for their places', () => {
    const hostile = '# Heading\n- item\n> quote\n+ plus\n10) ten\n<div>x</div>\n    code';
    const body = rendered(
      digestMarkdown(
        {
          ...discussion,
          title: '<b>Title</b>',
          introduction: hostile,
          partners: [{ name: '[P](javascript:x)', url: null }],
          event: discussion.event && { ...discussion.event, description: hostile },
          originalUrl: 'javascript:alert(1)',
        },
        { ...digest, editorial: `*${hostile}_`, extracts: [], resources: [], campaigns: [] },
      ),
    );
    expectNoInjectedMarkup(body);
    expect(body.querySelectorAll('h1')).toHaveLength(1);
    expect(body.querySelector('h2')?.textContent).toBe('“<b>Title</b>”');
    expect(body.querySelectorAll('ul, ol, blockquote')).toHaveLength(0);
    expect(body.textContent).toContain('In partnership with [P](javascript:x).');
    expect(body.textContent).not.toContain('Read the full original thread');
    expect(body.querySelector('em')?.textContent).toContain('*# Heading');
  });

  it('escapes any text so that it renders as the same words', () => {
    const hostileChar = fc.constantFrom(
      ...Array.from('\\`*_[]<>&~|#>-+=!()1.)\r\n \t:aé'),
      '&amp;',
      'javascript:',
      '<b>',
    );
    fc.assert(
      fc.property(fc.array(hostileChar, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const body = rendered(`Before ${mdText(text)} after`);
        expect(body.children).toHaveLength(1);
        expect(body.querySelector('p')?.children).toHaveLength(0);
        expect(words(body.textContent)).toBe(words(`Before ${text} after`));
      }),
      // Each run parses a document in jsdom: 300 took over 20 s on a loaded machine.
      { numRuns: 100 },
    );
  });
});
