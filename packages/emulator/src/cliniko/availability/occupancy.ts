/**
 * What occupies a practitioner's time: appointments that are not cancelled, archived or deleted, and unavailable
 * blocks. Available times leave these out, and `…/conflicts` reports an appointment overlapping any of them.
 */
import type { ClinikoStore, StoredRecord } from '../store/types.ts';

export interface Interval {
  /** Epoch milliseconds, inclusive. */
  readonly start: number;
  /** Epoch milliseconds, exclusive. */
  readonly end: number;
}

/** Half-open intervals: an appointment ending at 10:00 does not overlap one starting at 10:00. */
export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;

export const intervalOf = (record: StoredRecord): Interval => ({
  start: Date.parse(String(record.starts_at)),
  end: Date.parse(String(record.ends_at)),
});

/** Whether an appointment holds its time: a cancelled, archived or deleted one frees it. */
export const holdsTime = (appointment: StoredRecord): boolean =>
  !appointment.cancelled_at && !appointment.archived_at && !appointment.deleted_at;

export interface Occupancy {
  /** All of them: cancelled and archived ones are passed over where time is counted. */
  readonly appointments: readonly StoredRecord[];
  readonly blocks: readonly Interval[];
}

/** The practitioner's appointments (at any business: one person is in one place) and unavailable blocks. */
export async function occupancyOf(store: ClinikoStore, accountId: string, practitionerId: string): Promise<Occupancy> {
  const [appointments, blocks] = await Promise.all([
    store.list(accountId, 'individual_appointments', practitionerId),
    store.list(accountId, 'unavailable_blocks', practitionerId),
  ]);
  return { appointments, blocks: blocks.map(intervalOf) };
}

/** Whether `interval` overlaps a time-holding appointment (other than `exceptId`) or, unless told not to, a block. */
export function isTaken(occupancy: Occupancy, interval: Interval, exceptId?: string, withBlocks = true): boolean {
  return (
    occupancy.appointments.some(
      (appointment) => appointment.id !== exceptId && holdsTime(appointment) && overlaps(intervalOf(appointment), interval),
    ) ||
    (withBlocks && occupancy.blocks.some((block) => overlaps(block, interval)))
  );
}
