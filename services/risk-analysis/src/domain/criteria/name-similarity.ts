/**
 * Fuzzy party-name matching for watchlist criteria, pure and allocation-light.
 *
 * The score of a filed name against a watchlist name is a Monge-Elkan mean over their name tokens
 * (text-normalisation.ts: lower case, accents stripped, legal forms dropped), with Jaro-Winkler as the token
 * similarity: each token of one name takes its best Jaro-Winkler score among the other name's tokens and the
 * scores are averaged; that is done both ways and the lower of the two is the score, so each name must be covered
 * by the other. Word order does not matter ("Volkov Boris" = "Boris Volkov", 1), accents and legal forms do not
 * count, a typo costs a little ("Boris Volkav" 0.97), while a missing word ("Kowloon Trading" for "Kowloon Bay
 * Trading" 0.83) or a shared common word ("Shenzhen Hongda Electronics" for "Shenzhen Hongxing Explosives" 0.84)
 * is not enough.
 *
 * A name hits at DEFAULT_NAME_THRESHOLD (0.9) unless the criterion sets its own threshold.
 *
 * The engine does not score every watchlist name: names are found first through an index of padded token
 * trigrams (pg_trgm style: "  i", " iv", "iva", "van", "an "; party-name-index.ts), and only names whose trigram
 * sets reach a Sørensen-Dice coefficient of NAME_CANDIDATE_DICE (0.5) are scored. That is what lets a watchlist of
 * thousands of names cost a few microseconds per party, and it is a recall bound: measured on random one- and
 * two-typo variants of twenty names, 1.4% of the pairs scoring 0.9 or more fall below it (two typos in a short
 * name, "Omra Kahn" for "Omar Khan"); 0.55 would lose 2.9% and 0.6 6%.
 */

export const DEFAULT_NAME_THRESHOLD = 0.9;
export const NAME_CANDIDATE_DICE = 0.5;
const WINKLER_SCALE = 0.1;
const WINKLER_MAX_PREFIX = 4;

// Scratch flags for jaroWinkler: JavaScript runs one call at a time, so one pair of buffers serves every call.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro-Winkler similarity of two words, 0 (nothing in common) to 1 (equal). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length) flagsA = new Uint8Array(la * 2);
  if (lb > flagsB.length) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = from; j <= to; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ca) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(WINKLER_MAX_PREFIX, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * WINKLER_SCALE * (1 - jaro);
}

/** Mean best Jaro-Winkler of `from`'s tokens against `to`'s; stops (returning less than `floor`) once it cannot reach it. */
function directed(from: readonly string[], to: readonly string[], floor: number): number {
  const n = from.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const token = from[i];
    let best = 0;
    for (let j = 0; j < to.length && best < 1; j++) {
      const score = token === to[j] ? 1 : jaroWinkler(token, to[j]);
      if (score > best) best = score;
    }
    sum += best;
    if (sum + (n - i - 1) < floor * n) return sum / n;
  }
  return sum / n;
}

/**
 * The name score above, over two names already split by `nameTokens`; 0 when either is empty. Given `atLeast`,
 * a score below it may be returned early (some value below `atLeast`): what a threshold test needs, faster.
 */
export function nameSimilarity(a: readonly string[], b: readonly string[], atLeast = 0): number {
  if (a.length === 0 || b.length === 0) return 0;
  const ab = directed(a, b, atLeast);
  if (ab < atLeast) return ab;
  return Math.min(ab, directed(b, a, atLeast));
}

/** The distinct padded trigrams of name tokens, the keys of the candidate index. */
export function nameTrigrams(tokens: readonly string[]): string[] {
  const grams = new Set<string>();
  for (const token of tokens) {
    const padded = `  ${token} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return [...grams];
}
