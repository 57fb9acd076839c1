/**
 * No key-shaped string leaves the proxy, whatever the upstream put in an answer: a record someone typed a key into,
 * an error that quotes the request, an upstream that echoes headers. ClinikAPI keys have a recognisable shape; the
 * key of the call itself (which may be of another upstream's format) is recognised exactly. Each is replaced, inside
 * the string that held it, by `[redacted]`.
 */
import { clinikApiKeysIn, mentionsClinikApiKey } from '@clinikapi/core';
import { mayHideByEscape } from './escapes.ts';

const CLINIKAPI_KEY = clinikApiKeysIn();
export const REDACTED = '[redacted]';

export interface Redactor {
  /**
   * True when `text` (an answer as received) may hold something to redact: the cheap test before any walk. An answer
   * that spells characters escaped may hold a key the text does not show, so it is walked.
   */
  mayHold(text: string): boolean;
  /** `value` with every key in it redacted, and whether anything was. */
  redact(value: string): string;
}

/** `secrets` are the exact key strings of the call (with and without a shard suffix). */
export function createRedactor(secrets: readonly string[]): Redactor {
  const exact = secrets.filter((secret) => secret.length >= 8);
  // A text that holds a ClinikAPI key holds its prefix, which `mentionsClinikApiKey` finds: only keys of another
  // format need a search of their own (each `includes` of a long string costs about as much as the whole check).
  const unshaped = exact.filter((secret) => !mentionsClinikApiKey(secret));
  return {
    mayHold: (text) => mayHideByEscape(text) || mentionsClinikApiKey(text) || unshaped.some((secret) => text.includes(secret)),
    redact(value) {
      let result = value.replace(CLINIKAPI_KEY, REDACTED);
      for (const secret of exact) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
      return result;
    },
  };
}

/**
 * Redacts every string (and every object key) of `value` in place; returns how many strings changed. Walks with its
 * own stack, so an answer nested deeper than the call stack cannot make it throw.
 */
export function redactAnswer(value: unknown, redactor: Redactor): number {
  let changed = 0;
  const redact = (text: string): string => {
    const redacted = redactor.redact(text);
    if (redacted !== text) changed += 1;
    return redacted;
  };
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        const item: unknown = node[index];
        if (typeof item === 'string') node[index] = redact(item);
        else stack.push(item);
      }
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        const safeKey = redact(key);
        if (safeKey !== key) delete record[key];
        if (typeof item === 'string') record[safeKey] = redact(item);
        else {
          record[safeKey] = item;
          stack.push(item);
        }
      }
    }
  }
  return changed;
}
