/**
 * Runs a worker's computations one at a time, in the order they arrived, awaits included. Comlink starts a call as
 * its message arrives, so an async op that awaits (the GPU adapter, a field from another worker) would let the next
 * call start in its middle: a Sonicate that arrived while the sonication computed ahead still awaited the adapter
 * ran beside it, missed its outcome and heated again.
 * @returns the function that queues a computation
 */
export function oneAtATime(): <T>(run: () => T | Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(run: () => T | Promise<T>): Promise<T> => {
    const result = last.then(run, run);
    // The next waits for this one to end, whether it resolved or failed.
    last = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
}
