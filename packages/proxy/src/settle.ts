/**
 * The app's code the proxy calls — a session adapter or resolver, a policy, an `apiKey` function — may answer at once
 * or later. An answer at once is used at once (most requests are answered from memory, and a promise per stage is
 * measurable at proxy rates); a later one is awaited whatever made it: a native promise, Bluebird's, one from
 * another realm. Never mistaken for the answer itself.
 */
export type MaybePromise<T> = T | PromiseLike<T>;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

/** `then(value)` now, or a native promise of it once `value` settles. */
export function whenSettled<T, R>(value: MaybePromise<T>, then: (settled: T) => R, onRejected?: (reason: unknown) => R): R | Promise<R> {
  return isThenable(value) ? Promise.resolve(value).then(then, onRejected) : then(value);
}
