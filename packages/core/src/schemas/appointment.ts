/** The simplified Appointment request shapes (`/v1/appointments`). */
import * as z from 'zod/mini';
import {
  checked,
  dateTimeSchema,
  reference,
  instantSchema,
  list,
  num,
  oneOf,
  optionalText,
  periodSchema,
  rule,
  strictObject,
  timeOf,
  updateSchemaOf,
} from './common.ts';

export const APPOINTMENT_STATUSES = [
  'proposed',
  'pending',
  'booked',
  'arrived',
  'fulfilled',
  'cancelled',
  'noshow',
  'checked-in',
  'waitlist',
] as const;

const appointmentFields = {
  status: oneOf(APPOINTMENT_STATUSES),
  patientId: reference('Patient'),
  practitionerId: z.optional(reference('Practitioner')),
  start: z.optional(instantSchema()),
  end: z.optional(instantSchema()),
  /** At most a day. */
  minutesDuration: z.optional(num({ int: true, min: 1, max: 1440 })),
  /** routine, walkin, checkup, followup, emergency — or your own. */
  appointmentType: optionalText(100),
  serviceType: optionalText(200),
  serviceCategory: optionalText(200),
  specialty: optionalText(200),
  reasonCode: optionalText(500),
  /** 0 = routine, 1–9 = increasing urgency. */
  priority: z.optional(num({ int: true, min: 0, max: 9 })),
  description: optionalText(2000),
  comment: optionalText(2000),
  patientInstruction: optionalText(2000),
  cancelationReason: optionalText(500),
  basedOnId: z.optional(reference('ServiceRequest')),
  requestedPeriod: z.optional(list(periodSchema, 10)),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
};

/**
 * `POST /v1/appointments` body. Only `status` and `patientId` are required, as in the API's contract, whatever the
 * status: start, end and minutesDuration may come in any combination (the API derives a missing end or start from
 * the other two). What is checked is that they agree.
 */
export const appointmentCreateSchema = checked(
  strictObject(appointmentFields),
  z.superRefine((appointment, ctx) => {
    const { start, end, minutesDuration, status } = appointment;
    rule(ctx, !start || !end || timeOf(end) > timeOf(start), 'end', 'Must be after start');
    rule(
      ctx,
      !start ||
        !end ||
        minutesDuration === undefined ||
        timeOf(end) <= timeOf(start) ||
        minutesDuration * 60_000 <= timeOf(end) - timeOf(start),
      'minutesDuration',
      'Longer than the time from start to end; change end, or leave it out to have it derived',
    );
    rule(
      ctx,
      !appointment.cancelationReason || status === 'cancelled' || status === 'noshow',
      'cancelationReason',
      'Only for cancelled or no-show appointments',
    );
  }),
);
/** `PATCH /v1/appointments/{id}` object body. */
export const appointmentUpdateSchema = updateSchemaOf(appointmentFields);

export type AppointmentCreate = z.input<typeof appointmentCreateSchema>;
export type AppointmentUpdate = z.input<typeof appointmentUpdateSchema>;
