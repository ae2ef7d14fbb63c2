/**
 * Runs `work` on every item, at most `concurrency` at once, starting them in the items' order. At the first failure
 * no further item is started (`failed()` tells running work, so it can stop early); every started one is awaited,
 * then that first failure is rethrown: a transaction or connection is never released under work still using it.
 */
export async function boundedAll<T>(items: readonly T[], concurrency: number, work: (item: T, failed: () => boolean) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const failed = () => failure !== null;
  const worker = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const item = items[next++];
      try {
        await work(item, failed);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
