/**
 * One normalisation for everything the engine compares as text: goods descriptions, criteria terms, party names
 * and addresses. Filings and criteria go through the same functions, so "Café", "CAFE" and "cafe" are one word.
 *
 * - lower case; accents stripped (NFKD, combining marks dropped); the Latin letters NFKD leaves whole are spelled
 *   out (ß ss, æ ae, ø o, œ oe, ł l, đ d, þ th, ı i);
 * - apostrophes dropped ("men's" -> "mens"), every other character that is not a letter or a digit separates words;
 * - Greek and Cyrillic stay as they are (no transliteration: a criterion names them in their own script).
 */

const SPELLED_OUT: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', þ: 'th', ı: 'i', ð: 'd' };
const SPECIAL = /[ßæøœłđþıð]/gu;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ`]/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** ASCII text, the common case, is split in one pass: letters lower-cased, digits kept, apostrophes dropped. */
function asciiTokens(text: string): string[] | null {
  const tokens: string[] = [];
  let start = -1;
  let word = '';
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (code > 127) return null;
    const upper = code >= 65 && code <= 90;
    if (upper || (code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
      if (upper) {
        word += text.slice(start, i) + String.fromCharCode(code + 32);
        start = i + 1;
      }
      continue;
    }
    if (code === 39 || code === 96) {
      // An apostrophe joins the two halves: "men's" -> "mens".
      if (start >= 0) word += text.slice(start, i);
      start = -1;
      continue;
    }
    if (start >= 0) word += text.slice(start, i);
    if (word.length > 0) tokens.push(word);
    word = '';
    start = -1;
  }
  return tokens;
}

/** The words of a text, normalised; empty words never appear. */
export function normalisedTokens(text: string): string[] {
  const ascii = asciiTokens(text);
  if (ascii !== null) return ascii;
  const folded = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(SPECIAL, (letter) => SPELLED_OUT[letter] ?? letter)
    .replace(APOSTROPHES, '');
  return folded.split(SEPARATORS).filter((word) => word.length > 0);
}

/** The normalised words joined by one space: "Lithium-ion Power Banks" -> "lithium ion power banks". */
export const normaliseText = (text: string): string => normalisedTokens(text).join(' ');

/** Letters in a text (digits and signs do not count), for the low-quality description marker. */
export function letterCount(text: string): number {
  let letters = 0;
  for (const char of text) if (/\p{L}/u.test(char)) letters++;
  return letters;
}

/**
 * Legal-form and filler words left out of a party name before it is compared: "Ivan Petrov Trading Co., Ltd." and
 * "Ivan Petrov Trading" are the same name to a watchlist. The project's list ([U]: no official one), kept short so
 * that a word that can be a real name part ("trading", "import") stays in.
 */
export const NAME_NOISE_WORDS: readonly string[] = [
  ...['ltd', 'limited', 'llc', 'llp', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'plc', 'pte', 'pty', 'pvt'],
  ...['gmbh', 'mbh', 'ag', 'kg', 'ohg', 'ug', 'ev', 'sa', 'sas', 'sarl', 'srl', 'spa', 'sl', 'sro', 'as', 'oy', 'ab', 'aps'],
  ...['bv', 'nv', 'vof', 'sp', 'zoo', 'ooo', 'oao', 'zao', 'pao', 'jsc', 'ojsc', 'tov', 'doo', 'kft', 'zrt', 'sia', 'uab'],
  ...['the', 'and', 'of', 'mr', 'mrs', 'ms', 'dr'],
];
const NOISE: ReadonlySet<string> = new Set(NAME_NOISE_WORDS);

/** Runs of two or more one-letter words become one word: "S.r.l." -> "srl", "J. R. R. Tolkien" -> "jrr tolkien". */
function joinInitials(tokens: readonly string[]): string[] {
  const joined: string[] = [];
  let run = '';
  for (const token of tokens) {
    if (token.length === 1) {
      run += token;
      continue;
    }
    if (run) joined.push(run);
    run = '';
    joined.push(token);
  }
  if (run) joined.push(run);
  return joined;
}

/** The words of a party name that identify it: normalised, noise words out, each word once, in filed order. */
export function nameTokens(name: string): string[] {
  const all = joinInitials(normalisedTokens(name));
  const tokens = all.filter((token) => !NOISE.has(token));
  const kept = tokens.length > 0 ? tokens : all;
  return kept.filter((token, i) => kept.indexOf(token) === i);
}
