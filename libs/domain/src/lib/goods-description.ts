import { checkCharacterSet } from './character-set';
import { Brand, invalid, valid, Validated } from './validation';

/**
 * Goods description, checked like ICS2 task GET09 "Check stop words/phrases": a description that says nothing
 * about what the goods are is refused with CL723 code 100 ([V] reference 7; code 100 [V weak] reference 13.1).
 * [U] the official stop-word list is not public in the reference: every list and limit below is the project's.
 */
export type GoodsDescription = Brand<string, 'GoodsDescription'>;

/** [U] `descriptionOfGoods` is taken to be an..512, as in the HTI message tables. */
export const GOODS_DESCRIPTION_MAX_LENGTH = 512;

/** [U] fewer meaningful letters than this (e.g. "TV", "ab") cannot describe goods. Digits do not count. */
export const MIN_MEANINGFUL_LETTERS = 3;

/**
 * Words and phrases that name no goods on their own (lower case, after normalising). They are refused only when
 * nothing else is left: "spare parts" is refused, "spare parts for diesel engines" is accepted.
 * "personal effects" and "household goods" are in: they hide what the goods are, as the EU's guidance on
 * acceptable descriptions says of vague terms. "said to contain" is in so that "STC 10 cartons" is refused
 * while "said to contain cotton shirts" passes.
 */
export const STOP_PHRASES: readonly string[] = [
  'freight of all kinds',
  'said to contain',
  'said to be',
  'general cargo',
  'general merchandise',
  'consolidated cargo',
  'spare parts',
  'personal effects',
  'household goods',
  'as per invoice',
  'see invoice',
  'see attached',
  'not specified',
  'gift',
  'gifts',
  'part',
  'parts',
  'various',
  'sundry',
  'sundries',
  'sample',
  'samples',
  'accessory',
  'accessories',
  'goods',
  'cargo',
  'consolidated',
  'consolidation',
  'fak',
  'stc',
  'merchandise',
  'item',
  'items',
  'stuff',
  'misc',
  'miscellaneous',
  'general',
  'product',
  'products',
  'commodity',
  'commodities',
  'article',
  'articles',
  'things',
  'mixed',
  'assorted',
  'other',
  'others',
  'equipment',
  'supplies',
  'material',
  'materials',
  'new',
  'used',
];

/** Joining words and package or quantity words: they carry no meaning about the goods either. */
export const FILLER_WORDS: readonly string[] = [
  ...['a', 'an', 'the', 'and', 'or', 'of', 'for', 'with', 'in', 'on', 'to', 'from', 'per', 'plus', 'etc'],
  ...['pc', 'pcs', 'piece', 'pieces', 'pkg', 'pkgs', 'package', 'packages', 'ctn', 'ctns', 'carton', 'cartons'],
  ...['box', 'boxes', 'pallet', 'pallets', 'bag', 'bags', 'unit', 'units', 'lot', 'lots', 'kg', 'kgs'],
];

const PHRASES_LONGEST_FIRST = [...STOP_PHRASES].sort((a, b) => b.split(' ').length - a.split(' ').length);
const FILLER: ReadonlySet<string> = new Set(FILLER_WORDS);

/** Lower case, apostrophes dropped ("men's" -> "mens"), every other non-letter, non-digit becomes a space. */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/['’ʼ]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

/** The words left once stop phrases and filler words are taken out. */
function meaningfulWords(text: string): string[] {
  let padded = ` ${words(text).join(' ')} `;
  for (const phrase of PHRASES_LONGEST_FIRST) {
    const needle = ` ${phrase} `;
    while (padded.includes(needle)) padded = padded.replace(needle, ' ');
  }
  return padded.split(' ').filter((word) => word.length > 0 && !FILLER.has(word));
}

const letterCount = (word: string): number => (word.match(/\p{L}/gu) ?? []).length;

/** Returns the description trimmed of surrounding spaces, or the first problem: 12 length, 102 characters, 100 meaning. */
export function checkGoodsDescription(raw: unknown): Validated<GoodsDescription> {
  if (typeof raw !== 'string') return invalid('12', 'goods description must be a string');
  const text = raw.trim();
  if ([...text].length > GOODS_DESCRIPTION_MAX_LENGTH) {
    return invalid('12', 'goods description is longer than 512 characters');
  }
  const characters = checkCharacterSet(text);
  if (!characters.ok) return characters;
  const meaningful = meaningfulWords(text);
  if (meaningful.length === 0) return invalid('100', 'goods description consists only of generic terms');
  if (meaningful.reduce((sum, word) => sum + letterCount(word), 0) < MIN_MEANINGFUL_LETTERS) {
    return invalid('100', 'goods description is too short to say what the goods are');
  }
  return valid(text as GoodsDescription);
}
