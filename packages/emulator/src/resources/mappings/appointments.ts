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

const participantFor = (participants: readonly Participant[], type: string) =>
  participants.find((participant) => participant.actor?.reference?.startsWith(`${type}/`));

export const appointmentMapping = defineMapping({
  createSchema: appointmentCreateSchema,
  updateSchema: appointmentUpdateSchema,
  toFhir: (input, context) => {
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
      start: input.start,
      end: input.end,
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
    return compact({
      status: appointment.status,
      patientId: refOut(participantFor(participants, 'Patient')?.actor, 'Patient') ?? '',
      practitionerId: refOut(participantFor(participants, 'Practitioner')?.actor, 'Practitioner'),
      start: appointment.start,
      end: appointment.end,
      minutesDuration: appointment.minutesDuration,
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
