import { invalid, valid, Validated } from './validation';

/**
 * ICS2 accepts only Latin, Greek and Cyrillic text; anything else is refused with CL723 code 102 ([V2] reference 7).
 *
 * A character passes if its Unicode script is Latin, Greek or Cyrillic, or if it is a script-neutral character
 * (Common or Inherited: digits, punctuation, combining accents) inside one of ALLOWED_NEUTRAL_RANGES below.
 * Whatever the range, control, format (invisible, bidi overrides), line/paragraph separators, unassigned and
 * private-use characters and emoji are refused.
 * [U] the reference names the three scripts, not a repertoire: which neutral characters count as "plain" is the
 * project's choice, kept in these two tables.
 */

/** Script-neutral blocks the project treats as plain text. */
export const ALLOWED_NEUTRAL_RANGES: readonly { readonly from: number; readonly to: number; readonly block: string }[] = [
  { from: 0x0020, to: 0x007e, block: 'Basic Latin (printable): space, digits, ASCII punctuation' },
  { from: 0x00a0, to: 0x00ff, block: 'Latin-1 Supplement: no-break space, currency signs, ¼, ×, ÷, «», ©, ®' },
  { from: 0x02b0, to: 0x02ff, block: 'Spacing Modifier Letters' },
  { from: 0x0300, to: 0x036f, block: 'Combining Diacritical Marks (accents in decomposed text)' },
  { from: 0x0370, to: 0x03ff, block: 'Greek and Coptic (neutral marks such as the Greek question mark)' },
  { from: 0x0400, to: 0x052f, block: 'Cyrillic and Cyrillic Supplement (combining marks)' },
  { from: 0x1dc0, to: 0x1dff, block: 'Combining Diacritical Marks Supplement' },
  { from: 0x2000, to: 0x206f, block: 'General Punctuation: dashes, quotes, bullet, ellipsis, per mille' },
  { from: 0x20a0, to: 0x20cf, block: 'Currency Symbols: €' },
  { from: 0x2100, to: 0x214f, block: 'Letterlike Symbols: №, ℃, ℓ' },
  { from: 0x2150, to: 0x218f, block: 'Number Forms: ⅓, Roman numerals' },
  { from: 0x2200, to: 0x22ff, block: 'Mathematical Operators: −, ≤, ≥, ≈' },
];

/**
 * Blocks refused even for characters of an accepted script. Halfwidth and Fullwidth Forms hold Latin letters too
 * (ＡＢＣ), but they come from CJK input methods and would defeat matching of names and documents.
 */
export const REFUSED_RANGES: readonly { readonly from: number; readonly to: number; readonly block: string }[] = [
  { from: 0xff00, to: 0xffef, block: 'Halfwidth and Fullwidth Forms' },
];

const ACCEPTED_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;
const NEUTRAL_SCRIPT = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
/** Cc control, Cf format, Zl/Zp separators, Co private use, Cn unassigned, Cs lone surrogates. */
const NEVER = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;

const inRanges = (point: number, ranges: readonly { from: number; to: number }[]) =>
  ranges.some((range) => point >= range.from && point <= range.to);

function isAllowed(character: string): boolean {
  const point = character.codePointAt(0) ?? 0;
  if (NEVER.test(character) || inRanges(point, REFUSED_RANGES)) return false;
  // © and ® are "pictographic" to Unicode but ordinary Latin-1 text; above Latin-1 an emoji is refused.
  if (point > 0xff && EMOJI.test(character)) return false;
  if (ACCEPTED_SCRIPT.test(character)) return true;
  return NEUTRAL_SCRIPT.test(character) && inRanges(point, ALLOWED_NEUTRAL_RANGES);
}

const hex = (point: number) => `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;

/** Returns the text unchanged if every character is allowed; otherwise code 102 naming the first offender. */
export function checkCharacterSet(text: string): Validated<string> {
  let position = 0;
  for (const character of text) {
    if (!isAllowed(character)) {
      return invalid('102', `character ${hex(character.codePointAt(0) ?? 0)} at position ${position} is not allowed`);
    }
    position += 1;
  }
  return valid(text);
}
