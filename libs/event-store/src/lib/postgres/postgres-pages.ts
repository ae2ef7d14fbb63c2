/**
 * Every page of a keyset-paged query, asking for the next page before handing out the current one, so the
 * database reads page k+1 while the caller works on page k (one query in flight ahead, on the same connection).
 */
export async function* keysetPageArrays<T>(size: number, fetch: (last: T | null) => Promise<T[]>): AsyncGenerator<T[]> {
  let pending: Promise<T[]> | null = fetch(null);
  while (pending) {
    const rows: T[] = await pending;
    pending = rows.length === size ? fetch(rows[rows.length - 1]) : null;
    // If the consumer stops early, the prefetched page must not become an unhandled rejection.
    pending?.catch(() => undefined);
    if (rows.length > 0) yield rows;
  }
}

/** The rows of keysetPageArrays one by one, for callers that do little with each. */
export async function* keysetPages<T>(size: number, fetch: (last: T | null) => Promise<T[]>): AsyncGenerator<T> {
  for await (const page of keysetPageArrays(size, fetch)) yield* page;
}
