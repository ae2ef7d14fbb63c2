import { Ics2Error, ValidationCodeId } from '@ics2/contracts';
import { comparePointers } from './json-pointer';

/**
 * At most this many errors in one answer, so a huge bad body cannot make a huge answer. The errors kept are the
 * first ones found, in layer then rule order; the answer lists them sorted by pointer.
 */
export const MAX_ERRORS = 100;

/** Collects the errors of one validation run; layers and rules stop early once it is full. */
export class ErrorList {
  private readonly items: Ics2Error[] = [];
  private readonly seen = new Set<string>();

  get full(): boolean {
    return this.items.length >= MAX_ERRORS;
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  /** Adds an error unless the list is full or the same code was already reported at the same pointer. */
  add(code: ValidationCodeId, pointer: string, description: string): void {
    if (this.full) return;
    const key = `${code} ${pointer}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ code, pointer, description });
  }

  /** Sorted by pointer, then code, then description: the same body always gives the same answer. */
  sorted(): Ics2Error[] {
    return [...this.items].sort(
      (a, b) =>
        comparePointers(a.pointer, b.pointer) ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
        (a.description < b.description ? -1 : a.description > b.description ? 1 : 0),
    );
  }
}
