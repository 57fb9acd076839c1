/** The simplified request shapes of scheduling: appointment responses, slots and schedules. */
import * as z from 'zod/mini';
import {
  bool,
  checked,
  instantSchema,
  list,
  oneOf,
  optionalText,
  periodSchema,
  reference,
  rule,
  strictObject,
  timeOf,
  typedReference,
  updateSchemaOf,
} from './common.ts';
import { texts } from './values.ts';

/** Who may take part in an appointment; a bare id is a patient. */
const PARTICIPANT_TYPES = [
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'RelatedPerson',
  'Device',
  'HealthcareService',
  'Location',
] as const;

/** Rule between two instants: `end` after `start` when both are given. */
function endAfterStart(value: { start?: string | undefined; end?: string | undefined }, ctx: z.core.$RefinementCtx): void {
  rule(ctx, !value.start || !value.end || timeOf(value.end) > timeOf(value.start), 'end', 'Must be after start');
}

export const PARTICIPATION_STATUSES = ['accepted', 'declined', 'tentative', 'needs-action'] as const;

const appointmentResponseFields = {
  appointmentId: reference('Appointment'),
  participantStatus: oneOf(PARTICIPATION_STATUSES),
  /** `Type/id`, or a bare id meaning a patient. */
  actorId: z.optional(typedReference(PARTICIPANT_TYPES)),
  participantType: optionalText(200),
  /** A proposed new start, when it differs from the appointment's. */
  start: z.optional(instantSchema()),
  end: z.optional(instantSchema()),
  comment: optionalText(2000),
};
/** `POST /v1/appointment-responses` body. */
export const appointmentResponseCreateSchema = checked(strictObject(appointmentResponseFields), z.superRefine(endAfterStart));
/** `PATCH /v1/appointment-responses/{id}` object body. */
export const appointmentResponseUpdateSchema = updateSchemaOf(appointmentResponseFields);

export const SLOT_STATUSES = ['busy', 'free', 'busy-unavailable', 'busy-tentative'] as const;

const slotFields = {
  scheduleId: reference('Schedule'),
  status: oneOf(SLOT_STATUSES),
  start: instantSchema(),
  end: instantSchema(),
  serviceCategory: optionalText(200),
  serviceType: optionalText(200),
  specialty: optionalText(200),
  appointmentType: optionalText(200),
  overbooked: z.optional(bool()),
  comment: optionalText(2000),
};
/** `POST /v1/slots` body. */
export const slotCreateSchema = checked(strictObject(slotFields), z.superRefine(endAfterStart));
/** `PATCH /v1/slots/{id}` object body. */
export const slotUpdateSchema = updateSchemaOf(slotFields);

const scheduleFields = {
  /** True when left out. */
  active: z.optional(bool()),
  serviceCategory: texts(200, 10),
  serviceType: texts(200, 10),
  specialty: texts(200, 10),
  /** Whose schedule it is: `Type/id`, or a bare id meaning a practitioner. */
  actorIds: list(
    typedReference(['Practitioner', 'Patient', 'PractitionerRole', 'RelatedPerson', 'Device', 'HealthcareService', 'Location']),
    20,
    1,
  ),
  planningHorizon: z.optional(periodSchema),
  comment: optionalText(2000),
};
/** `POST /v1/schedules` body. */
export const scheduleCreateSchema = strictObject(scheduleFields);
/** `PATCH /v1/schedules/{id}` object body. */
export const scheduleUpdateSchema = updateSchemaOf(scheduleFields);
