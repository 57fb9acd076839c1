/** Which booked appointments occupy time on a day, and whether a proposed appointment collides with one. */
import type { Appointment } from '@clinikapi/core';

/** Statuses that hold no time: nothing was booked, or the booking no longer stands. */
const FREE_STATUSES: readonly string[] = ['proposed', 'cancelled', 'noshow', 'entered-in-error', 'waitlist'];

/** A stretch of time someone is busy. */
export interface BusyInterval {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** The chosen practitioner takes part in it. */
  readonly practitioner: boolean;
  /** It is the patient's own appointment (with anyone). */
  readonly patient: boolean;
  readonly appointment: Appointment;
}

const takesPart = (appointment: Appointment, reference: string) =>
  appointment.participant?.some((participant) => participant.actor?.reference === reference && participant.status !== 'declined') ?? false;

function intervalOf(appointment: Appointment): { start: number; end: number } | undefined {
  if (!appointment.start) return undefined;
  const start = Date.parse(appointment.start);
  const end = appointment.end
    ? Date.parse(appointment.end)
    : appointment.minutesDuration
      ? start + appointment.minutesDuration * 60_000
      : Number.NaN;
  return Number.isNaN(start) || Number.isNaN(end) || end <= start ? undefined : { start, end };
}

/**
 * The appointments that make the practitioner or the patient busy, earliest first. A patient cannot be in two rooms
 * at once either, so their own appointments with other practitioners count.
 */
export function busyIntervals(
  appointments: readonly Appointment[],
  who: { readonly practitionerId: string | undefined; readonly patientId: string },
): BusyInterval[] {
  const busy: BusyInterval[] = [];
  for (const appointment of appointments) {
    if (!appointment.id || FREE_STATUSES.includes(appointment.status)) continue;
    const interval = intervalOf(appointment);
    if (!interval) continue;
    const practitioner = who.practitionerId !== undefined && takesPart(appointment, `Practitioner/${who.practitionerId}`);
    const patient = takesPart(appointment, `Patient/${who.patientId}`);
    if (practitioner || patient) busy.push({ id: appointment.id, ...interval, practitioner, patient, appointment });
  }
  return busy.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The first busy interval that `[start, end)` overlaps; touching end to start is not an overlap. */
export function conflictWith(start: number, end: number, busy: readonly BusyInterval[]): BusyInterval | undefined {
  return busy.find((interval) => start < interval.end && interval.start < end);
}

/** Adds appointments this screen created (search may not show them yet) to those a search found, once each. */
export function withCreated(found: readonly Appointment[], created: readonly Appointment[]): Appointment[] {
  const ids = new Set(found.map((appointment) => appointment.id));
  return [...found, ...created.filter((appointment) => !ids.has(appointment.id))];
}
