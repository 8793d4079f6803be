/**
 * What people type, reduced to what readers can see: control and format
 * characters (bidi overrides and isolates, zero-width characters, NUL, lone
 * surrogates) would let a name pass for another's, reverse a comment's words or
 * slip text past a length limit. The contract's schemas apply these before
 * any length check, so the limits count visible characters.
 */

/** Unpaired surrogates, controls and format characters: never part of a name or a title. */
const HIDDEN = /[\p{Cs}\p{Cc}\p{Cf}]/gu;
/** Blank letters that show as nothing (Hangul fillers, the Braille blank), abused as "empty" names. */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** As HIDDEN, but a multi-line text keeps its line breaks, tabs and the joiners scripts and emoji need. */
const HIDDEN_IN_TEXT = /(?![\n\t\u200C\u200D])[\p{Cs}\p{Cc}\p{Cf}]/gu;
/**
 * Zero-width (non-)joiners shape Persian words and join emoji, so they stay
 * between two visible characters; anywhere else they only hide something.
 */
const STRAY_JOINERS =
  /(?<![^\s\u200C\u200D])[\u200C\u200D]+|[\u200C\u200D]+(?![^\s\u200C\u200D])/gu;

/** A one-line value (a name, an organisation, a title): what shows, spaces collapsed, trimmed. */
export function visibleLine(text: string): string {
  return text
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(HIDDEN, '')
    .replace(BLANK_LETTERS, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A multi-line value (a comment, a description, a note): what shows, with its lines, trimmed. */
export function visibleText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(HIDDEN_IN_TEXT, '').replace(STRAY_JOINERS, '').trim();
}

/** Whether someone typed something that nothing of shows. */
export const onlyInvisible = (text: string) => text.trim() !== '' && visibleLine(text) === '';
