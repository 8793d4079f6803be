import type { Digest, Discussion, Partner } from '../../api/contract';
import { formatDay, formatPeriod } from '../../lib/dates';

export const digestHeading = (d: Discussion) =>
  `Extracts from the ${d.organiser} online discussion`;

/** "A, B and C" */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

export const partnerNames = (partners: Partner[]) => listWords(partners.map((p) => p.name));

/** The partners' line, unless the introduction already names every partner (as the 2015 one does). */
export const partnersLine = (d: Discussion): boolean =>
  d.partners.length > 0 && !d.partners.every((p) => d.introduction.includes(p.name));

/** One kind of line end, whatever the participant's system typed. */
const normalise = (text: string) => text.replace(/\r\n?/g, '\n');

export const paragraphs = (text: string) =>
  normalise(text)
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/*
 * Participants' words go into the Markdown as text, never as markup: each field is
 * escaped for the place it goes, so that a Markdown renderer shows the words Agora shows.
 */

/** Punctuation that can start or end markup anywhere in a line. */
const INLINE_MARKUP = /[\\`*_[\]<>&~|]/g;

/** Within a line: a name, a title, a label. Line ends become spaces. */
export function mdText(text: string): string {
  return normalise(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(INLINE_MARKUP, '\\$&');
}

/** One line of a paragraph, which must not start a heading, a quote, a list or a rule either. */
function mdLine(line: string): string {
  return mdText(line)
    .replace(/^[#>+=-]/, '\\$&')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** A paragraph's lines, each escaped, in a paragraph of their own. */
const mdParagraph = (text: string) => normalise(text).split('\n').map(mdLine).join('\n');

/** Only web addresses become links: no javascript:, data: or relative targets. */
function webAddress(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link target between angle brackets, which nothing in the address can close or break. */
const mdTarget = (href: string) =>
  `<${href
    .replace(/[\\&]/g, '\\$&')
    .replace(
      /[<> \n\t]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    )}>`;

/** A bare address as an autolink: a parsed web address holds no space, `<` or `>` to end it. */
const mdAutolink = (href: string) => `<${href.replace(/[<>\s]/g, encodeURIComponent)}>`;

const mdLink = (text: string, href: string) => `[${mdText(text)}](${mdTarget(href)})`;

interface Block {
  paragraph: boolean;
  lines: string[];
}

/** What a reader sees of an inline run: HTML's collapsed spaces, and a line per <br>. */
function inlineText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (node.nodeName === 'BR') return '\n';
  return Array.from(node.childNodes, inlineText).join('');
}

function inlineBlock(nodes: Node[]): Block | null {
  const lines = nodes.map(inlineText).join('').split('\n').map(mdLine).filter(Boolean);
  return lines.length > 0 ? { paragraph: true, lines } : null;
}

const quoteOf = (lines: string[]) => lines.map((line) => (line ? `> ${line}` : '>'));

const joinBlocks = (blocks: Block[]) =>
  blocks.flatMap((b, i) => (i > 0 ? ['', ...b.lines] : b.lines));

/**
 * The blocks of a comment as Agora shows them, from the backend's safe HTML rather
 * than the source: paragraphs, lists and quotes, their words as plain text.
 */
function htmlBlocks(parent: Node): Block[] {
  const blocks: Block[] = [];
  let run: Node[] = [];
  const endRun = () => {
    const block = inlineBlock(run);
    if (block) blocks.push(block);
    run = [];
  };
  for (const node of Array.from(parent.childNodes)) {
    const tag = node.nodeName;
    if (tag === 'P') {
      endRun();
      const block = inlineBlock([node]);
      if (block) blocks.push(block);
    } else if (tag === 'UL' || tag === 'OL') {
      endRun();
      const start = Number((node as Element).getAttribute('start') ?? '1') || 1;
      const items = Array.from(node.childNodes).filter((n) => n.nodeName === 'LI');
      const lines = items.flatMap((item, i) => {
        const marker = tag === 'OL' ? `${start + i}. ` : '- ';
        const inner = joinBlocks(htmlBlocks(item));
        const indent = ' '.repeat(marker.length);
        return inner.length === 0
          ? [marker.trimEnd()]
          : inner.map((line, j) => (j === 0 ? marker + line : line ? indent + line : ''));
      });
      if (lines.length > 0) blocks.push({ paragraph: false, lines });
    } else if (tag === 'BLOCKQUOTE') {
      endRun();
      const inner = joinBlocks(htmlBlocks(node));
      if (inner.length > 0) blocks.push({ paragraph: false, lines: quoteOf(inner) });
    } else {
      run.push(node);
    }
  }
  endRun();
  return blocks;
}

/** An extract between curly quotes, inside its first and last paragraph as on the page. */
function extractLines(html: string): string[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const blocks = htmlBlocks(body);
  const first = blocks[0];
  if (first?.paragraph) first.lines[0] = `“${first.lines[0] ?? ''}`;
  else blocks.unshift({ paragraph: true, lines: ['“'] });
  const last = blocks.at(-1);
  if (last?.paragraph) last.lines[last.lines.length - 1] = `${last.lines.at(-1) ?? ''}”`;
  else blocks.push({ paragraph: true, lines: ['”'] });
  return quoteOf(joinBlocks(blocks));
}

/** The digest as a Markdown document, in the order of the page. */
export function digestMarkdown(d: Discussion, digest: Digest): string {
  const out: string[] = [
    `# ${mdText(digestHeading(d))}`,
    '',
    `## “${mdText(d.title)}”`,
    '',
    formatPeriod(d.startsOn, d.endsOn),
    '',
  ];
  if (partnersLine(d)) {
    out.push(`In partnership with ${listWords(d.partners.map((p) => mdText(p.name)))}.`, '');
  }
  for (const p of paragraphs(d.introduction)) out.push(mdParagraph(p), '');
  for (const p of paragraphs(digest.editorial)) out.push(`*${mdParagraph(p)}*`, '');

  for (const c of digest.extracts) {
    out.push(...extractLines(c.html), '>');
    const who = c.author.organisation
      ? `${mdText(c.author.name)}, ${mdText(c.author.organisation)}`
      : mdText(c.author.name);
    out.push(`> — ${who}`, '');
  }

  const labels = digest.campaigns.map((c) => mdText(c.label)).filter(Boolean);
  if (labels.length > 0) {
    out.push('## Some of the #campaigns mentioned', '');
    out.push(labels.map((label) => `#${label}`).join(', '), '');
  }
  if (digest.resources.length > 0) {
    out.push('## A selection of resources shared by participants', '');
    for (const r of digest.resources) {
      const href = webAddress(r.url);
      const title = href ? mdLink(r.title, href) : `**${mdText(r.title)}**`;
      out.push(`- ${title}${r.description ? `: ${mdText(r.description)}` : ''}`);
    }
    out.push('');
  }
  if (d.event) {
    const e = d.event;
    out.push('## Related event', '', `**“${mdText(e.title)}”**`, '');
    out.push([formatDay(e.date), e.place && mdText(e.place)].filter(Boolean).join(', '), '');
    for (const p of paragraphs(e.description)) out.push(mdParagraph(p), '');
  }
  const original = webAddress(d.originalUrl);
  if (original) out.push(`Read the full original thread: ${mdAutolink(original)}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
