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

export const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);

const quoteLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'));

/** The digest as a Markdown document, in the order of the page. */
export function digestMarkdown(d: Discussion, digest: Digest): string {
  const out: string[] = [
    `# ${digestHeading(d)}`,
    '',
    `## “${d.title}”`,
    '',
    formatPeriod(d.startsOn, d.endsOn),
    '',
  ];
  if (d.partners.length > 0) out.push(`In partnership with ${partnerNames(d.partners)}.`, '');
  for (const p of paragraphs(d.introduction)) out.push(p, '');
  for (const p of paragraphs(digest.editorial)) out.push(`*${p}*`, '');

  for (const c of digest.extracts) {
    out.push(...quoteLines(`“${c.body.trim()}”`), '>');
    const who = c.author.organisation
      ? `${c.author.name}, ${c.author.organisation}`
      : c.author.name;
    out.push(`> — ${who}`, '');
  }

  if (digest.campaigns.length > 0) {
    out.push('## Some of the #campaigns mentioned', '');
    out.push(digest.campaigns.map((c) => `#${c.label}`).join(', '), '');
  }
  if (digest.resources.length > 0) {
    out.push('## A selection of resources shared by participants', '');
    for (const r of digest.resources) {
      const title = r.url ? `[${r.title}](${r.url})` : `**${r.title}**`;
      out.push(`- ${title}${r.description ? `: ${r.description}` : ''}`);
    }
    out.push('');
  }
  if (d.event) {
    const e = d.event;
    out.push('## Related event', '', `**“${e.title}”**`, '');
    out.push([formatDay(e.date), e.place].filter(Boolean).join(', '), '');
    if (e.description) out.push(e.description, '');
  }
  if (d.originalUrl) out.push(`Read the full original thread: <${d.originalUrl}>`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
