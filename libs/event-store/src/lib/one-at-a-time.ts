/**
 * Wraps an async function so its calls run one after another, in call order, whatever the callers do. For a
 * transaction's connection shared by handlers running at once (a subscription's `concurrency`): pg queues a
 * query sent while another runs, but that is deprecated and goes in pg@9, so the queue is kept here instead.
 * A failed call does not stop the ones queued behind it; each caller gets its own call's outcome.
 */
export function oneAtATime<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const call = last.then(() => fn(...args));
    last = call.catch(() => undefined);
    return call;
  };
}
