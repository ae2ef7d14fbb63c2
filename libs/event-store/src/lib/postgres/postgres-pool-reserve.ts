/**
 * Grows a pg pool by `count` connections until the returned release is called. A connection held for as long as
 * something runs (a LISTEN session, a lease session, a subscription batch) must not come out of what the pool's
 * size promised to queries: under load, those would then wait for a connection, or time out. pg-pool reads
 * `options.max` on every checkout, so the pool grows and shrinks on the spot.
 */
export function reservePoolConnections(pool: { readonly options: { max?: number } }, count: number): () => void {
  const options = pool.options as { max: number };
  options.max += count;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    options.max -= count;
  };
}
