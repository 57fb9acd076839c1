/**
 * The last changes, for a stream that comes back with `Last-Event-ID`: bounded by count and by age. A stream whose
 * last id is no longer here (too old, or never seen) is told to start over rather than silently missing changes.
 */
import type { LiveChange } from './change.ts';

export interface ReplayBuffer {
  push(change: LiveChange): void;
  /** The changes after `eventId`, oldest first; undefined when `eventId` is not (or no longer) known. */
  after(eventId: string, now: number): readonly LiveChange[] | undefined;
  /** The newest change's id, if any. */
  head(): string | undefined;
}

export function createReplayBuffer(size: number, maxAgeMs: number): ReplayBuffer {
  const changes: LiveChange[] = [];
  const ids = new Set<string>();
  return {
    push(change) {
      // The same event published twice (an instance restarting mid-delivery) is kept once.
      if (ids.has(change.eventId)) return;
      changes.push(change);
      ids.add(change.eventId);
      if (changes.length > size) for (const dropped of changes.splice(0, changes.length - size)) ids.delete(dropped.eventId);
    },
    after(eventId, now) {
      const oldest = now - maxAgeMs;
      const index = changes.findIndex((change) => change.eventId === eventId);
      if (index < 0 || (changes[index] as LiveChange).at < oldest) return undefined;
      return changes.slice(index + 1).filter((change) => change.at >= oldest);
    },
    head: () => changes.at(-1)?.eventId,
  };
}
