import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_REL, renderMarkdown } from '../src/lib/markdown';
import { XSS_VECTORS, type XssVector } from './xss/vectors';
import { SEED_SLUG, seedComments } from '../src/server/store/seed-data';

const SLUG = 'a-discussion';

const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  p: [],
  br: [],
  em: [],
  strong: [],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  a: ['href', 'rel', 'target', 'class', 'data-hashtag'],
  code: [],
};

const EXTERNAL_HREF = /^(?:https?:\/\/|mailto:)/i;
const ENCODED_SEGMENT = "(?:[A-Za-z0-9_.!~*'()-]|%[0-9A-F]{2})+";
const campaignHref = (slug: string) =>
  new RegExp(
    `^/discussions/${escapeRegExp(encodeURIComponent(slug))}/campaigns/${ENCODED_SEGMENT}$`,
  );

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
}

/**
 * Everything the renderer may produce, and nothing else: the allowed elements and
 * attributes, links only to the web, mail, or a campaign of this discussion, and
 * every link that leaves the site marked as user content opening elsewhere.
 * Returns the problems found, so that a failure names them all.
 */
function problemsIn(source: string, slug = SLUG): string[] {
  const body = parse(renderMarkdown(source, slug).html);
  const problems: string[] = [];
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    const allowed = ALLOWED_ATTRIBUTES[tag];
    if (!allowed) {
      problems.push(`element <${tag}>`);
      continue;
    }
    for (const attr of Array.from(el.attributes)) {
      if (!allowed.includes(attr.name)) problems.push(`attribute ${attr.name} on <${tag}>`);
    }
    if (tag === 'ol' && el.hasAttribute('start') && !/^\d+$/.test(el.getAttribute('start') ?? '')) {
      problems.push(`ol start="${el.getAttribute('start') ?? ''}"`);
    }
    if (tag === 'a') problems.push(...linkProblems(el, slug));
  }
  return problems;
}

function linkProblems(a: Element, slug: string): string[] {
  const href = a.getAttribute('href');
  if (href === null) return ['<a> without href'];
  if (a.hasAttribute('data-hashtag')) {
    const problems: string[] = [];
    if (!campaignHref(slug).test(href)) problems.push(`hashtag href "${href}"`);
    if (a.getAttribute('class') !== 'hashtag') problems.push('hashtag link without its class');
    if (a.hasAttribute('target')) problems.push('hashtag link opening a new window');
    return problems;
  }
  const problems: string[] = [];
  if (!EXTERNAL_HREF.test(href)) problems.push(`href "${href}"`);
  if (a.getAttribute('rel') !== EXTERNAL_REL) problems.push(`rel "${a.getAttribute('rel') ?? ''}"`);
  if (a.getAttribute('target') !== '_blank') problems.push('external link in the same window');
  if (a.hasAttribute('class')) problems.push('external link styled as a hashtag');
  return problems;
}

/** Runs of three or more letters outside entity references: what a reader should still see. */
function visibleWords(vector: XssVector): readonly string[] {
  if (vector.visible) return vector.visible;
  const withoutEntities = vector.input.replace(/&#?[A-Za-z0-9]+;/g, ' ');
  return withoutEntities.match(/\p{L}{3,}/gu) ?? [];
}

describe('the renderer of participants’ text, against hostile input', () => {
  it('has a corpus of well over a hundred vectors in every family', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(120);
    const families = new Set(XSS_VECTORS.map((vector) => vector.family));
    expect(families.size).toBeGreaterThanOrEqual(15);
  });

  it.each(XSS_VECTORS.map((vector) => [vector.family, vector.input, vector] as const))(
    '%s: %j comes out as allowed markup with its words as text',
    (_family, input, vector) => {
      expect(problemsIn(input)).toEqual([]);
      const text = parse(renderMarkdown(input, SLUG).html).textContent;
      const missing = visibleWords(vector).filter((word) => !text.includes(word));
      expect(missing, `rendered text: ${JSON.stringify(text)}`).toEqual([]);
    },
  );

  it('keeps links to the web and hashtags working next to the payloads', () => {
    const body = parse(
      renderMarkdown(
        '[ok](https://ok.example/a) <script>alert(1)</script> #HeForShe [no](javascript:alert(2))',
        SLUG,
      ).html,
    );
    const links = Array.from(body.querySelectorAll('a'));
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['ok', 'https://ok.example/a'],
      ['#HeForShe', `/discussions/${SLUG}/campaigns/heforshe`],
    ]);
    expect(body.textContent).toContain('<script>alert(1)</script>');
    expect(body.textContent).toContain('[no](javascript:alert(2))');
  });
});

/** Pieces of the corpus and of Markdown syntax, for random documents. */
const FRAGMENTS = [
  ...new Set([
    ...XSS_VECTORS.map((vector) => vector.input),
    'javascript:',
    'JaVaScRiPt:',
    'vbscript:',
    'data:text/html,',
    'http://ok.example/',
    'https://',
    'mailto:a@example.org',
    '//evil.example',
    '&#106;',
    '&colon;',
    '&#x3A;',
    '%0A',
    '\u0000',
    '\u200b',
    '\t',
    '\n',
    '\n\n',
    '[',
    ']',
    '](',
    ')',
    '![',
    ']: ',
    '<',
    '>',
    '"',
    "'",
    '`',
    '``',
    '\\',
    '*',
    '**',
    '_',
    '> ',
    '- ',
    '1. ',
    '#',
    '#tag',
    ' onerror=alert(1)',
    '<img src=x ',
    '<svg onload=',
    '<a href="',
  ]),
];

const hostileDocument = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

describe('the renderer of participants’ text, on random documents', () => {
  it('never throws and only ever produces the allowed markup', () => {
    fc.assert(
      fc.property(hostileDocument, (source) => {
        expect(problemsIn(source)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every hashtag address inside its discussion, whatever the slug', () => {
    fc.assert(
      fc.property(
        hostileDocument,
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 12 }),
          fc.constantFrom('"><x', '../..', '?#'),
        ),
        (source, slug) => {
          expect(problemsIn(`${source} #tag`, slug)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the seeded discussion', () => {
  it('carries the HTML the renderer makes of each original comment', () => {
    for (const c of seedComments) {
      expect(c.html).toBe(renderMarkdown(c.body, SEED_SLUG).html);
    }
  });
});
