import { eastAsianWidth } from 'get-east-asian-width';

const segmenter = new Intl.Segmenter();
// A grapheme drawn as an emoji: a pictograph with the emoji presentation, or with VS16 after it.
const EMOJI = /\p{Extended_Pictographic}/u;

/** Columns a grapheme takes in a terminal: 0 for control and combining marks, 2 for wide and emoji. */
function graphemeWidth(grapheme: string): number {
  const codePoint = grapheme.codePointAt(0) ?? 0;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (
    EMOJI.test(grapheme) &&
    (grapheme.length > 2 || grapheme.includes('\uFE0F') || eastAsianWidth(codePoint) === 2)
  ) {
    return 2;
  }
  return eastAsianWidth(codePoint, { ambiguousAsWide: false });
}

/** Columns the text takes in a terminal: CJK characters and emoji count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** The text cut or padded to exactly `width` columns; a cut ends with an ellipsis. */
export function fitWidth(text: string, width: number): string {
  const total = displayWidth(text);
  if (total <= width) return text + ' '.repeat(width - total);
  let kept = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const next = graphemeWidth(segment);
    if (used + next > width - 1) break;
    kept += segment;
    used += next;
  }
  return `${kept}…${' '.repeat(width - 1 - used)}`;
}
