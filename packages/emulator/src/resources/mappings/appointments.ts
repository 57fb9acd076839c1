/** Appointment: the simplified shape ↔ FHIR R4 Appointment (patient and practitioner as participants). */
import { appointmentCreateSchema, appointmentUpdateSchema, type Appointment } from '@clinikapi/core';
import { compact, compactOrNone, maybeCodedOut, refOut, textConcept, textConceptOut } from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

const APPOINTMENT_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0276';
/** v2-0276 codes, which the widget sends in lower case. */
const APPOINTMENT_TYPES: Readonly<Record<string, string>> = {
  checkup: 'CHECKUP',
  emergency: 'EMERGENCY',
  followup: 'FOLLOWUP',
  routine: 'ROUTINE',
  walkin: 'WALKIN',
};

type Participant = Appointment['participant'][number];

/**
 * `instant` moved by `minutes`, written in the instant's own zone and precision (`…T14:00:00+01:00` + 30 →
 * `…T14:30:00+01:00`), so a derived end reads like the start it came from.
 */
export function shiftInstant(instant: string, minutes: number): string {
  const zone = /(Z|[+-]\d{2}:\d{2})$/.exec(instant)?.[1] ?? 'Z';
  const offsetMinutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const local = new Date(Date.parse(instant) + (minutes + offsetMinutes) * 60_000).toISOString();
  const fraction = /\.(\d+)(?:Z|[+-])/.exec(instant)?.[1];
  return `${local.slice(0, 19)}${fraction ? local.slice(19, 20 + Math.min(fraction.length, 3)) : ''}${zone}`;
}

/**
 * FHIR wants a start and an end on a booked appointment; the API's bodies may give a start (or an end) and a
 * duration instead. The missing end is derived from start + minutesDuration, or the start from end − minutesDuration.
 */
function timesOf(input: { start?: string | undefined; end?: string | undefined; minutesDuration?: number | undefined }) {
  const { start, end, minutesDuration } = input;
  if (minutesDuration === undefined) return { start, end };
  if (start !== undefined && end === undefined) return { start, end: shiftInstant(start, minutesDuration) };
  if (start === undefined && end !== undefined) return { start: shiftInstant(end, -minutesDuration), end };
  return { start, end };
}

const participantFor = (participants: readonly Participant[], type: string) =>
  participants.find((participant) => participant.actor?.reference?.startsWith(`${type}/`));

export const appointmentMapping = defineMapping({
  createSchema: appointmentCreateSchema,
  updateSchema: appointmentUpdateSchema,
  toFhir: (input, context) => {
    const { start, end } = timesOf(input);
    const typeCode = input.appointmentType === undefined ? undefined : APPOINTMENT_TYPES[input.appointmentType.toLowerCase()];
    return compact({
      resourceType: 'Appointment' as const,
      status: input.status,
      cancelationReason: textConcept(input.cancelationReason),
      serviceCategory: input.serviceCategory ? [{ text: input.serviceCategory }] : undefined,
      serviceType: input.serviceType ? [{ text: input.serviceType }] : undefined,
      specialty: input.specialty ? [{ text: input.specialty }] : undefined,
      appointmentType: typeCode
        ? { coding: [{ system: APPOINTMENT_TYPE_SYSTEM, code: typeCode }], text: input.appointmentType }
        : textConcept(input.appointmentType),
      reasonCode: input.reasonCode ? [{ text: input.reasonCode }] : undefined,
      priority: input.priority,
      description: input.description,
      start,
      end,
      minutesDuration: input.minutesDuration,
      created: input.created ?? context.now,
      comment: input.comment,
      patientInstruction: input.patientInstruction,
      basedOn: input.basedOnId ? [{ reference: `ServiceRequest/${input.basedOnId}` }] : undefined,
      participant: [
        { actor: { reference: `Patient/${input.patientId}` }, required: 'required' as const, status: 'accepted' as const },
        ...(input.practitionerId
          ? [{ actor: { reference: `Practitioner/${input.practitionerId}` }, required: 'required' as const, status: 'accepted' as const }]
          : []),
      ],
      requestedPeriod: input.requestedPeriod?.map((period) => compact({ ...period })),
    });
  },
  fromFhir: (resource) => {
    const appointment = resource as Appointment;
    const participants = appointment.participant ?? [];
    // An end that start + minutesDuration gives is left to be derived again, so that changing the start or the
    // duration moves it instead of leaving it behind.
    const { start, minutesDuration } = appointment;
    const derivedEnd = start !== undefined && minutesDuration !== undefined && appointment.end === shiftInstant(start, minutesDuration);
    return compact({
      status: appointment.status,
      patientId: refOut(participantFor(participants, 'Patient')?.actor, 'Patient') ?? '',
      practitionerId: refOut(participantFor(participants, 'Practitioner')?.actor, 'Practitioner'),
      start,
      end: derivedEnd ? undefined : appointment.end,
      minutesDuration,
      appointmentType: maybeCodedOut(appointment.appointmentType),
      serviceType: textConceptOut(appointment.serviceType?.[0]),
      serviceCategory: textConceptOut(appointment.serviceCategory?.[0]),
      specialty: textConceptOut(appointment.specialty?.[0]),
      reasonCode: textConceptOut(appointment.reasonCode?.[0]),
      priority: appointment.priority,
      description: appointment.description,
      comment: appointment.comment,
      patientInstruction: appointment.patientInstruction,
      cancelationReason: textConceptOut(appointment.cancelationReason),
      basedOnId: refOut(appointment.basedOn?.[0], 'ServiceRequest'),
      requestedPeriod: appointment.requestedPeriod?.map((period) => compactOrNone({ ...period })),
      created: appointment.created,
    });
  },
});
