/**
 * What the app's code the proxy calls — a session resolver, a policy, an `apiKey` function, a counting store — may
 * answer: a value, or a promise of one (any thenable: a native promise, Bluebird's, one from another realm). The
 * proxy awaits it either way.
 */
export type MaybePromise<T> = T | PromiseLike<T>;
