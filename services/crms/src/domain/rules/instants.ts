/** Instants travel as ISO-8601 UTC strings (STYLE); comparing them is comparing the instants they name. */
export const instantMs = (iso: string): number => Date.parse(iso);

export const isBefore = (a: string, b: string): boolean => instantMs(a) < instantMs(b);

/** `at` is at or after `end`: a period that ends at `end` (exclusive) is over. */
export const hasReached = (at: string, end: string): boolean => instantMs(at) >= instantMs(end);
