/** The simplified PractitionerRole request shapes (`/v1/practitioner-roles`): who works where, and when. */
import * as z from 'zod/mini';
import {
  bool,
  checked,
  emailSchema,
  reference,
  list,
  oneOf,
  optionalText,
  periodSchema,
  phoneSchema,
  requiredText,
  rule,
  strictObject,
  timeSchema,
  updateSchemaOf,
} from './common.ts';

export const DAYS_OF_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const dayOfWeek = oneOf(DAYS_OF_WEEK);

/** When someone or something is available: days, and either all day or a start and end time. */
export const availableTimeSchema = checked(
  strictObject({
    daysOfWeek: z.optional(list(dayOfWeek, 7)),
    allDay: z.optional(bool()),
    availableStartTime: z.optional(timeSchema),
    availableEndTime: z.optional(timeSchema),
  }),
  z.superRefine((slot, ctx) => {
    rule(ctx, !(slot.allDay && (slot.availableStartTime || slot.availableEndTime)), 'allDay', 'Leave out the times when available all day');
    rule(
      ctx,
      !slot.availableStartTime || !slot.availableEndTime || slot.availableEndTime > slot.availableStartTime,
      'availableEndTime',
      'Must be after the start time',
    );
  }),
);

const practitionerRoleFields = {
  practitionerId: reference('Practitioner'),
  /** doctor, nurse, pharmacist, admin, consultant — or your own role name. */
  role: requiredText(100),
  organizationName: optionalText(200),
  specialty: z.optional(list(requiredText(200), 20)),
  locationName: optionalText(200),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
  period: z.optional(periodSchema),
  availableTime: z.optional(list(availableTimeSchema, 20)),
  notAvailable: z.optional(list(strictObject({ description: requiredText(500), during: z.optional(periodSchema) }), 20)),
  availabilityExceptions: optionalText(1000),
  /** Legacy: use `availableTime`. */
  availableDays: z.optional(list(dayOfWeek, 7)),
  /** Legacy: use `availableTime`. */
  availableStartTime: z.optional(timeSchema),
  /** Legacy: use `availableTime`. */
  availableEndTime: z.optional(timeSchema),
  /** False once the record is no longer in use; true when left out. */
  active: z.optional(bool()),
};

/** `POST /v1/practitioner-roles` body. */
export const practitionerRoleCreateSchema = checked(
  strictObject(practitionerRoleFields),
  z.superRefine((role, ctx) => {
    rule(
      ctx,
      !role.availableStartTime || !role.availableEndTime || role.availableEndTime > role.availableStartTime,
      'availableEndTime',
      'Must be after the start time',
    );
  }),
);
/** `PATCH /v1/practitioner-roles/{id}` object body: any subset of the create fields. */
export const practitionerRoleUpdateSchema = updateSchemaOf(practitionerRoleFields);

export type PractitionerRoleCreate = z.input<typeof practitionerRoleCreateSchema>;
export type PractitionerRoleUpdate = z.input<typeof practitionerRoleUpdateSchema>;
