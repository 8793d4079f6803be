/**
 * What a search makes of the words a person typed, with no database: the words
 * themselves, the full-text query each engine gets, and the excerpt that shows
 * them. Only letters, digits and marks ever reach a query, so quotes, operators,
 * `*`, NEAR or brackets are separators like spaces and can never break one.
 */
import type { ExcerptPart } from '../../api/contract';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** More words than this narrow nothing a person needs and only cost the engine. */
export const SEARCH_WORDS_MAX = 8;

/** The distinct words of a query, lower-cased, in the order typed. */
export function searchWords(query: string): string[] {
  return [...new Set(query.toLowerCase().match(WORD) ?? [])].slice(0, SEARCH_WORDS_MAX);
}

/** A word of one letter is matched whole: as a prefix it would match nearly everything. */
const isPrefix = (word: string) => !/^.$/u.test(word);

const hex = (text: string) =>
  Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * SQLite FTS4: the discussion's token (the triggers of migration 008 write the
 * same), then each word, as a prefix, in the body. Lower case, so that no word
 * is read as the operators AND, OR, NOT or NEAR.
 */
export function ftsMatch(slug: string, words: string[]): string {
  const terms = words.map((w) => `body:${w}${isPrefix(w) ? '*' : ''}`);
  return [`discussion:d${hex(slug)}`, ...terms].join(' ');
}

const lexeme = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** PostgreSQL: a tsquery in its input syntax, the discussion's lexeme and each word. */
export function tsQuery(slug: string, words: string[]): string {
  const terms = words.map((w) => `${lexeme(w)}${isPrefix(w) ? ':*' : ''}`);
  return [lexeme(`#${slug}`), ...terms].join(' & ');
}

/** Markdown's marks out of the way: link text without its address, no emphasis or heading signs. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** As the engines compare words: lower case, accents aside. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const BEFORE = 8;
const LENGTH = 32;

/**
 * About 32 words of the comment around its first match, each word that matches
 * a searched one marked. A comment the engine matched in a way this cannot see
 * (a word inside an address) gets its opening words, unmarked.
 */
export function excerpt(markdown: string, words: string[]): ExcerptPart[] {
  const text = plainText(markdown);
  const wanted = words.map((w) => ({ word: fold(w), prefix: isPrefix(w) }));
  const tokens = [...text.matchAll(WORD)].map((m) => {
    const folded = fold(m[0]);
    return {
      start: m.index,
      end: m.index + m[0].length,
      match: wanted.some((w) => (w.prefix ? folded.startsWith(w.word) : folded === w.word)),
    };
  });
  const first = Math.max(
    0,
    tokens.findIndex((t) => t.match),
  );
  const from = Math.max(0, first - BEFORE);
  const shown = tokens.slice(from, from + LENGTH);
  const head = shown[0];
  const tail = shown[shown.length - 1];
  if (!head || !tail) return [{ text: text.slice(0, 200), match: false }];

  const start = from === 0 ? 0 : head.start;
  const end = from + LENGTH >= tokens.length ? text.length : tail.end;
  const parts: ExcerptPart[] = [];
  const push = (part: string, match: boolean) => {
    if (part === '') return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += part;
    else parts.push({ text: part, match });
  };
  if (start > 0) push('… ', false);
  let at = start;
  for (const t of shown) {
    if (!t.match) continue;
    push(text.slice(at, t.start), false);
    push(text.slice(t.start, t.end), true);
    at = t.end;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push(' …', false);
  return parts;
}
