/**
 * The watchlist names of a compiled criteria set, indexed by padded token trigram (name-similarity.ts), so that a
 * party name is scored only against the watchlist names it shares enough trigrams with. One index serves every
 * criterion: a name listed by several criteria is one entry, found once per party.
 *
 * Candidates are found by prefix filtering (as in set-similarity joins): a watchlist name can reach a Dice
 * coefficient of NAME_CANDIDATE_DICE (t) with a party name of |A| trigrams only if they share at least
 * m = ceil(t |A| / (2 - t)) trigrams, so it must hold one of the party name's |A| - m + 1 rarest trigrams. Only the
 * posting lists of those rare trigrams are read: the common ones ("ing", " tr" of "Trading") are not, and their
 * long lists are what made a naive count slow. A name met first at position i of the party's trigrams and j of
 * its own (both in rarity order) can share at most 1 + min(|A| - i - 1, |B| - j - 1) trigrams, so it is dropped
 * when that cannot reach the Dice bound (positional filtering); the few left have their exact overlap counted over
 * the two sorted trigram lists, and only names passing the Dice bound are scored with nameSimilarity.
 *
 * Names repeat (carriers, declarants and web shops appear in thousands of filings a day), so the result per party
 * name (its normalised tokens) is kept in a bounded memo: up to `cacheSize` names, emptied when full. The memo
 * changes nothing but the time: the same name always gets the same answer.
 */
import { NAME_CANDIDATE_DICE, nameSimilarity, nameTrigrams } from './name-similarity';
import type { RiskParty } from './risk-subject';
import { nameTokens } from './text-normalisation';

export interface NameHit {
  readonly party: RiskParty;
  readonly entry: number;
  readonly score: number;
}

export interface PartyNameIndex {
  /** The entry of a watchlist name (the same entry for every spelling that normalises alike). Before the first search. */
  add(name: string, threshold: number): number;
  /** The watchlist name as first listed. */
  listed(entry: number): string;
  readonly size: number;
  /** Appends to `out` each entry the party's name scores at least the lowest threshold any criterion set for it. */
  search(party: RiskParty, out: NameHit[]): void;
}

interface Sealed {
  /** Trigram -> rank: rarer trigrams (in fewer watchlist names) rank lower. */
  readonly rankOf: Map<string, number>;
  /** Rank -> the entries holding that trigram, and where it sits in each entry's ranks. */
  readonly postings: readonly Int32Array[];
  readonly positions: readonly Int32Array[];
  /** Entry -> its trigram ranks, ascending. */
  readonly entryRanks: readonly Int32Array[];
}

const MIN_OVERLAP_FACTOR = NAME_CANDIDATE_DICE / (2 - NAME_CANDIDATE_DICE);

/** How many distinct party names the memo keeps before it starts over; 0 disables it. */
export const DEFAULT_NAME_CACHE_SIZE = 20_000;

const NO_HITS: readonly number[] = [];

export function partyNameIndex(cacheSize: number = DEFAULT_NAME_CACHE_SIZE): PartyNameIndex {
  /** Party name key -> [entry, score, entry, score...] of its hits. */
  const memo = new Map<string, readonly number[]>();
  const entryOf = new Map<string, number>();
  const tokens: (readonly string[])[] = [];
  const spellings: string[] = [];
  const thresholds: number[] = [];
  const entryGrams: (readonly string[])[] = [];
  let sealed: Sealed | null = null;
  // Scratch buffers of search, grown as needed.
  let seen = new Uint8Array(16);
  let touched = new Int32Array(16);
  let queryRanks = new Int32Array(64);

  function seal(): Sealed {
    const holders = new Map<string, number[]>();
    entryGrams.forEach((grams, entry) => {
      for (const gram of grams) {
        const list = holders.get(gram);
        if (list) list.push(entry);
        else holders.set(gram, [entry]);
      }
    });
    const byRarity = [...holders.entries()].sort((a, b) => a[1].length - b[1].length || (a[0] < b[0] ? -1 : 1));
    const rankOf = new Map<string, number>();
    byRarity.forEach(([gram], rank) => rankOf.set(gram, rank));
    const postings = byRarity.map(([, entries]) => Int32Array.from(entries));
    const entryRanks = entryGrams.map((grams) => Int32Array.from(grams.map((gram) => rankOf.get(gram) ?? 0)).sort());
    const positions = postings.map((entries, rank) => entries.map((entry) => entryRanks[entry].indexOf(rank)));
    seen = new Uint8Array(Math.max(16, tokens.length));
    touched = new Int32Array(Math.max(16, tokens.length));
    return { rankOf, postings, positions, entryRanks };
  }

  return {
    add(name, threshold) {
      if (sealed) throw new Error('partyNameIndex: names are added before the first search');
      const nameWords = nameTokens(name);
      const key = nameWords.join(' ');
      const known = entryOf.get(key);
      if (known !== undefined) {
        thresholds[known] = Math.min(thresholds[known], threshold);
        return known;
      }
      const entry = tokens.length;
      entryOf.set(key, entry);
      tokens.push(nameWords);
      spellings.push(name);
      thresholds.push(threshold);
      entryGrams.push(nameTrigrams(nameWords));
      return entry;
    },
    listed: (entry) => spellings[entry],
    get size() {
      return tokens.length;
    },
    search(party, out) {
      if (party.nameTrigrams.length === 0 || tokens.length === 0) return;
      const remembered = cacheSize > 0 ? memo.get(party.nameKey) : undefined;
      if (remembered !== undefined) {
        for (let i = 0; i < remembered.length; i += 2) out.push({ party, entry: remembered[i], score: remembered[i + 1] });
        return;
      }
      const before = out.length;
      find(party, out);
      if (cacheSize === 0) return;
      if (memo.size >= cacheSize) memo.clear();
      if (out.length === before) memo.set(party.nameKey, NO_HITS);
      else memo.set(party.nameKey, out.slice(before).flatMap((hit) => [hit.entry, hit.score]));
    },
  };

  function find(party: RiskParty, out: NameHit[]): void {
    const grams = party.nameTrigrams;
    const size = grams.length;
    const index = (sealed ??= seal());
    // The party's known trigrams by rank, rarest first; unknown ones are in no watchlist name.
    if (size > queryRanks.length) queryRanks = new Int32Array(size * 2);
    let known = 0;
    for (let g = 0; g < size; g++) {
      const rank = index.rankOf.get(grams[g]);
      if (rank === undefined) continue;
      let i = known++;
      while (i > 0 && queryRanks[i - 1] > rank) {
        queryRanks[i] = queryRanks[i - 1];
        i--;
      }
      queryRanks[i] = rank;
    }
    const unknown = size - known;
    const prefix = size - Math.ceil(MIN_OVERLAP_FACTOR * size) + 1 - unknown;
    let n = 0;
    for (let q = 0; q < prefix && q < known; q++) {
      const list = index.postings[queryRanks[q]];
      const at = index.positions[queryRanks[q]];
      const partyLeft = size - (unknown + q) - 1;
      for (let k = 0; k < list.length; k++) {
        const entry = list[k];
        if (seen[entry] !== 0) continue;
        touched[n++] = entry;
        const length = index.entryRanks[entry].length;
        const reachable = 1 + Math.min(partyLeft, length - at[k] - 1);
        // 1: a candidate; 2: met, but it cannot reach the bound (length and position filters).
        seen[entry] = 2 * reachable >= NAME_CANDIDATE_DICE * (size + length) ? 1 : 2;
      }
    }
    for (let k = 0; k < n; k++) {
      const entry = touched[k];
      const candidate = seen[entry] === 1;
      seen[entry] = 0;
      if (!candidate) continue;
      const ranks = index.entryRanks[entry];
      const total = size + ranks.length;
      let shared = 0;
      for (let i = 0, j = 0; i < known && j < ranks.length; ) {
        if (queryRanks[i] === ranks[j]) {
          shared++;
          i++;
          j++;
        } else if (queryRanks[i] < ranks[j]) i++;
        else j++;
      }
      if (2 * shared < NAME_CANDIDATE_DICE * total) continue;
      const score = nameSimilarity(party.nameTokens, tokens[entry], thresholds[entry]);
      if (score >= thresholds[entry]) out.push({ party, entry, score });
    }
  }
}
