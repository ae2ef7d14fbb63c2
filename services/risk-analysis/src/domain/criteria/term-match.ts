/**
 * Words and phrases as conditions match them (descriptionTerms, party addressTerms): every term normalised once
 * (text-normalisation.ts), a one-word term looked up in the consignment's word set, a phrase searched word for word
 * in padded text (' a b | c d '), so it never matches part of a word nor spans two descriptions or address lines.
 */
import { normalisedTokens } from './text-normalisation';

/** A term as matched: one word, or a phrase padded with spaces for a substring search of padded text. */
export interface Terms {
  readonly words: ReadonlySet<string>;
  readonly phrases: readonly string[];
  /** One necessary word per term: its longest. */
  readonly keys: readonly string[];
}

export function termsOf(terms: readonly string[]): Terms {
  const words = new Set<string>();
  const phrases: string[] = [];
  const keys: string[] = [];
  for (const term of terms) {
    const tokens = normalisedTokens(term);
    if (tokens.length === 1) words.add(tokens[0]);
    else phrases.push(` ${tokens.join(' ')} `);
    keys.push(tokens.reduce((a, b) => (b.length > a.length ? b : a)));
  }
  return { words, phrases, keys };
}

/** The normalised terms found in `text` / `words`, for `explain`. */
export function termsFound(terms: Terms, words: ReadonlySet<string>, text: string): string[] {
  const found: string[] = [];
  for (const word of terms.words) if (words.has(word)) found.push(word);
  for (const phrase of terms.phrases) if (text.includes(phrase)) found.push(phrase.trim());
  return found;
}

export function anyTerm(terms: Terms, words: ReadonlySet<string>, text: string): boolean {
  if (terms.words.size > 0) {
    if (words.size <= terms.words.size) {
      for (const word of words) if (terms.words.has(word)) return true;
    } else {
      for (const word of terms.words) if (words.has(word)) return true;
    }
  }
  for (let i = 0; i < terms.phrases.length; i++) if (text.includes(terms.phrases[i])) return true;
  return false;
}

export function allTerms(terms: Terms, words: ReadonlySet<string>, text: string): boolean {
  for (const word of terms.words) if (!words.has(word)) return false;
  for (let i = 0; i < terms.phrases.length; i++) if (!text.includes(terms.phrases[i])) return false;
  return true;
}
