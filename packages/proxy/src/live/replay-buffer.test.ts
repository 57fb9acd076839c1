import { describe, expect, it } from 'vitest';
import type { LiveChange } from './change.ts';
import { createReplayBuffer } from './replay-buffer.ts';

const change = (n: number, at = n * 1000): LiveChange => ({
  eventId: `evt_${n}`,
  path: 'observations',
  id: `obs-${n}`,
  action: 'created',
  patients: ['p'],
  at,
});

describe('the replay buffer', () => {
  it('gives what came after an id, in order, and keeps each event once', () => {
    const buffer = createReplayBuffer(10, 60_000);
    for (const n of [1, 2, 3, 2]) buffer.push(change(n));
    expect(buffer.after('evt_1', 5000)?.map((found) => found.eventId)).toEqual(['evt_2', 'evt_3']);
    expect(buffer.after('evt_3', 5000)).toEqual([]);
    expect(buffer.head()).toBe('evt_3');
  });

  it('forgets beyond its size and its age: an id it no longer has means starting over', () => {
    const buffer = createReplayBuffer(3, 10_000);
    for (const n of [1, 2, 3, 4, 5]) buffer.push(change(n));
    expect(buffer.after('evt_1', 5000)).toBeUndefined();
    expect(buffer.after('evt_3', 5000)?.map((found) => found.eventId)).toEqual(['evt_4', 'evt_5']);
    // Ten seconds after evt_3, it is too old to resume from.
    expect(buffer.after('evt_3', 13_001)).toBeUndefined();
    expect(buffer.after('evt_unknown', 5000)).toBeUndefined();
    expect(createReplayBuffer(3, 1000).head()).toBeUndefined();
  });
});
