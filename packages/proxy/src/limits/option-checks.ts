/** Start-up checks shared by the limit options: each error names the option at fault, as every clinikProxy error does. */
import type { WindowCounter } from './window-counter.ts';

export function invalidOption(option: string, problem: string): never {
  throw new TypeError(`clinikProxy: option "${option}" ${problem}`);
}

/** `value` as an options object, or `undefined` when the option was left out. `false` is the caller's to handle first. */
export function optionsObject<T extends object>(value: T | undefined, option: string, shape: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalidOption(option, `must be ${shape} or false`);
  return value;
}

export function positiveInteger(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) invalidOption(option, 'must be a positive integer');
  return value;
}

export function fraction(value: unknown, option: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) invalidOption(option, 'must be a fraction between 0 and 1');
  return value;
}

export function windowCounter(value: unknown, option: string, fallback: () => WindowCounter): WindowCounter {
  if (value === undefined) return fallback();
  if (typeof value !== 'object' || value === null || typeof (value as Partial<WindowCounter>).add !== 'function') {
    invalidOption(option, 'must be a window counter: memoryWindowCounter() or redisWindowCounter({ sendCommand })');
  }
  return value as WindowCounter;
}
