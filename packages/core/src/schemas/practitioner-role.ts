/** The simplified PractitionerRole request shapes (`/v1/practitioner-roles`): who works where, and when. */
import { z } from 'zod';
import {
  bool,
  emailSchema,
  idSchema,
  list,
  oneOf,
  optionalText,
  periodSchema,
  phoneSchema,
  requiredText,
  rule,
  timeSchema,
  updateSchemaOf,
} from './common.ts';

export const DAYS_OF_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const dayOfWeek = oneOf(DAYS_OF_WEEK);

/** When a practitioner is available: days, and either all day or a start and end time. */
const availableTimeSchema = z
  .strictObject({
    daysOfWeek: list(dayOfWeek, 7).optional(),
    allDay: bool().optional(),
    availableStartTime: timeSchema.optional(),
    availableEndTime: timeSchema.optional(),
  })
  .superRefine((slot, ctx) => {
    rule(ctx, !(slot.allDay && (slot.availableStartTime || slot.availableEndTime)), 'allDay', 'Leave out the times when available all day');
    rule(
      ctx,
      !slot.availableStartTime || !slot.availableEndTime || slot.availableEndTime > slot.availableStartTime,
      'availableEndTime',
      'Must be after the start time',
    );
  });

const practitionerRoleFields = {
  practitionerId: idSchema,
  /** doctor, nurse, pharmacist, admin, consultant — or your own role name. */
  role: requiredText(100),
  organizationName: optionalText(200),
  specialty: list(requiredText(200), 20).optional(),
  locationName: optionalText(200),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
  period: periodSchema.optional(),
  availableTime: list(availableTimeSchema, 20).optional(),
  notAvailable: list(z.strictObject({ description: requiredText(500), during: periodSchema.optional() }), 20).optional(),
  availabilityExceptions: optionalText(1000),
  /** Legacy: use `availableTime`. */
  availableDays: list(dayOfWeek, 7).optional(),
  /** Legacy: use `availableTime`. */
  availableStartTime: timeSchema.optional(),
  /** Legacy: use `availableTime`. */
  availableEndTime: timeSchema.optional(),
  /** False once the record is no longer in use; true when left out. */
  active: bool().optional(),
};

/** `POST /v1/practitioner-roles` body. */
export const practitionerRoleCreateSchema = z.strictObject(practitionerRoleFields).superRefine((role, ctx) => {
  rule(
    ctx,
    !role.availableStartTime || !role.availableEndTime || role.availableEndTime > role.availableStartTime,
    'availableEndTime',
    'Must be after the start time',
  );
});
/** `PATCH /v1/practitioner-roles/{id}` object body: any subset of the create fields. */
export const practitionerRoleUpdateSchema = updateSchemaOf(practitionerRoleFields);

export type PractitionerRoleCreate = z.input<typeof practitionerRoleCreateSchema>;
export type PractitionerRoleUpdate = z.input<typeof practitionerRoleUpdateSchema>;
