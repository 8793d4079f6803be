/**
 * Hashtags: letters of any script, marks, digits and underscores, with at least one
 * letter, so that "#5thwcw" counts and "#1" (a number) does not. A hash inside a
 * word or an address ("a#b", "/page#top") is not a hashtag.
 */
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#/])#([\p{L}\p{M}\p{N}_]+)/gu;
const HAS_LETTER = /[\p{L}_]/u;

export interface HashtagMatch {
  index: number;
  /** The whole match including "#". */
  text: string;
  label: string;
}

export function findHashtags(text: string): HashtagMatch[] {
  const found: HashtagMatch[] = [];
  for (const m of text.matchAll(HASHTAG)) {
    const label = m[1] ?? '';
    if (HAS_LETTER.test(label) && label.length <= 100) {
      found.push({ index: m.index, text: m[0], label });
    }
  }
  return found;
}

/** The key a campaign is stored and addressed under: case does not matter. */
export function hashtagKey(label: string): string {
  return label.normalize('NFC').toLocaleLowerCase('en');
}

export function campaignPath(slug: string, label: string): string {
  return `/discussions/${encodeURIComponent(slug)}/campaigns/${encodeURIComponent(hashtagKey(label))}`;
}
