/** A text's first words on one line, cut at `max` characters with an ellipsis. */
export function excerpt(source: string, max = 80): string {
  const text = source.replace(/\s+/g, ' ').trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
