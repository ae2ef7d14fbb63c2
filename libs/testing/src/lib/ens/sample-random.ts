/**
 * The seeded randomness behind the ENS samples: mulberry32, a tiny 32-bit PRNG, so a seed always gives the same
 * filing on every machine and Node version. Never Math.random. `fork(label)` derives an independent stream from
 * the root seed and a label, so what one part of a sample draws does not shift what another part gets (adding a
 * goods item does not change the carrier).
 */

export interface SampleRandom {
  /** The seed this stream was made from (uint32). */
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number;
  /** A number in [min, max) rounded to `decimals` places. */
  decimal(min: number, max: number, decimals: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in random order (all of them if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[];
  chance(probability: number): boolean;
  digits(length: number): string;
  letters(length: number): string;
  alphanumerics(length: number): string;
  fork(label: string | number): SampleRandom;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERICS = `${LETTERS}0123456789`;

/** FNV-1a over the text, then fmix32: a well-spread uint32 for a label. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return scrambleSeed(h);
}

/** murmur3's fmix32: a bijection on uint32, so distinct seeds stay distinct (the LRN relies on it). */
export function scrambleSeed(seed: number): number {
  let h = seed >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleRandom(seed: number): SampleRandom {
  const root = seed >>> 0;
  const next = mulberry32(root);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const from = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  return {
    seed: root,
    next,
    int,
    decimal: (min, max, decimals) => {
      const factor = 10 ** decimals;
      return Math.max(min, Math.round((min + next() * (max - min)) * factor) / factor);
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('sampleRandom.pick needs at least one item');
      return items[Math.floor(next() * items.length)];
    },
    sample: (items, count) => {
      const pool = [...items];
      for (let i = pool.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      return pool.slice(0, Math.max(0, count));
    },
    chance: (probability) => next() < probability,
    digits: (length) => from('0123456789', length),
    letters: (length) => from(LETTERS, length),
    alphanumerics: (length) => from(ALPHANUMERICS, length),
    fork: (label) => sampleRandom(hash32(`${root}/${label}`)),
  };
}
