/** The simplified request shapes of the directory: organizations, locations, healthcare services and persons. */
import * as z from 'zod/mini';
import {
  addressSchema,
  bool,
  checked,
  dateSchema,
  emailSchema,
  genderSchema,
  list,
  num,
  oneOf,
  optionalText,
  past,
  periodSchema,
  phoneSchema,
  photoSchema,
  reference,
  requiredText,
  rule,
  strictObject,
  timeSchema,
  typedReference,
  updateSchemaOf,
} from './common.ts';
import { DAYS_OF_WEEK, availableTimeSchema } from './practitioner-role.ts';
import { texts } from './values.ts';

const organizationFields = {
  name: requiredText(500),
  /** True when left out. */
  active: z.optional(bool()),
  /** prov, dept, team, govt, ins, pay, edu, reli, crs, cg, bus, other — or your own words. */
  type: texts(200, 10),
  alias: texts(500, 10),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
  address: z.optional(addressSchema),
  partOfId: z.optional(reference('Organization')),
  contact: z.optional(
    list(
      strictObject({
        /** billing, admin, hr, press, patinf — or your own words. */
        purpose: optionalText(200),
        firstName: optionalText(100),
        lastName: optionalText(100),
        phone: z.optional(phoneSchema),
        email: z.optional(emailSchema),
        address: z.optional(addressSchema),
      }),
      20,
    ),
  ),
};
/** `POST /v1/organizations` body. */
export const organizationCreateSchema = strictObject(organizationFields);
/** `PATCH /v1/organizations/{id}` object body. */
export const organizationUpdateSchema = updateSchemaOf(organizationFields);

export const LOCATION_STATUSES = ['active', 'suspended', 'inactive'] as const;

const openingHoursSchema = checked(
  strictObject({
    daysOfWeek: z.optional(list(oneOf(DAYS_OF_WEEK), 7)),
    allDay: z.optional(bool()),
    openingTime: z.optional(timeSchema),
    closingTime: z.optional(timeSchema),
  }),
  z.superRefine((hours, ctx) => {
    rule(ctx, !(hours.allDay && (hours.openingTime || hours.closingTime)), 'allDay', 'Leave out the times when open all day');
    rule(
      ctx,
      !hours.openingTime || !hours.closingTime || hours.closingTime > hours.openingTime,
      'closingTime',
      'Must be after the opening time',
    );
  }),
);

const locationFields = {
  name: requiredText(500),
  status: z.optional(oneOf(LOCATION_STATUSES)),
  description: optionalText(2000),
  /** `instance`: a specific place; `kind`: a class of places. */
  mode: z.optional(oneOf(['instance', 'kind'])),
  type: texts(200, 10),
  alias: texts(200, 10),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
  address: z.optional(addressSchema),
  /** building, wing, room, bed, vehicle… */
  physicalType: optionalText(200),
  /** WGS84 coordinates; FHIR needs both longitude and latitude. */
  position: z.optional(
    strictObject({
      longitude: num({ min: -180, max: 180 }),
      latitude: num({ min: -90, max: 90 }),
      altitude: z.optional(num({ min: -1e5, max: 1e5 })),
    }),
  ),
  managingOrganizationId: z.optional(reference('Organization')),
  partOfId: z.optional(reference('Location')),
  hoursOfOperation: z.optional(list(openingHoursSchema, 20)),
  availabilityExceptions: optionalText(2000),
};
/** `POST /v1/locations` body. */
export const locationCreateSchema = strictObject(locationFields);
/** `PATCH /v1/locations/{id}` object body. */
export const locationUpdateSchema = updateSchemaOf(locationFields);

const healthcareServiceFields = {
  name: requiredText(500),
  /** True when left out. */
  active: z.optional(bool()),
  providedById: z.optional(reference('Organization')),
  category: texts(200, 10),
  type: texts(200, 10),
  specialty: texts(200, 20),
  locationNames: texts(200, 20),
  comment: optionalText(2000),
  /** Markdown. */
  extraDetails: optionalText(10_000),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
  appointmentRequired: z.optional(bool()),
  availableTime: z.optional(list(availableTimeSchema, 20)),
  notAvailable: z.optional(list(strictObject({ description: requiredText(500), during: z.optional(periodSchema) }), 20)),
  availabilityExceptions: optionalText(1000),
  program: texts(200, 10),
  referralMethod: texts(200, 10),
  /** Languages the service is offered in. */
  communication: texts(100, 20),
};
/** `POST /v1/healthcare-services` body. */
export const healthcareServiceCreateSchema = strictObject(healthcareServiceFields);
/** `PATCH /v1/healthcare-services/{id}` object body. */
export const healthcareServiceUpdateSchema = updateSchemaOf(healthcareServiceFields);

export const ASSURANCE_LEVELS = ['level1', 'level2', 'level3', 'level4'] as const;

const personFields = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
  gender: z.optional(genderSchema),
  birthDate: z.optional(past(dateSchema())),
  address: z.optional(addressSchema),
  photo: z.optional(photoSchema),
  managingOrganizationId: z.optional(reference('Organization')),
  /** True when left out. */
  active: z.optional(bool()),
  link: z.optional(
    list(
      strictObject({
        /** `Type/id`, or a bare id meaning a patient. */
        targetId: typedReference(['Patient', 'Practitioner', 'RelatedPerson', 'Person']),
        assurance: z.optional(oneOf(ASSURANCE_LEVELS)),
      }),
      20,
    ),
  ),
};
/** `POST /v1/persons` body. */
export const personCreateSchema = strictObject(personFields);
/** `PATCH /v1/persons/{id}` object body. */
export const personUpdateSchema = updateSchemaOf(personFields);
