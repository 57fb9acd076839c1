/**
 * The simplified request shapes of the other clinical records: family history, care teams, specimens, imaging
 * studies, media, risk assessments, devices and device use.
 */
import * as z from 'zod/mini';
import {
  bool,
  checked,
  dateSchema,
  dateTimeSchema,
  emailSchema,
  instantSchema,
  list,
  num,
  oneOf,
  optionalText,
  past,
  periodSchema,
  phoneSchema,
  reference,
  requiredText,
  rule,
  strictObject,
  typedReference,
  updateSchemaOf,
  uriSchema,
} from './common.ts';
import { flexibleReference, ids, measureSchema, requiredObject, texts } from './values.ts';

const familyHistoryFields = {
  status: oneOf(['partial', 'completed', 'health-unknown']),
  patientId: reference('Patient'),
  /** When the history was taken. */
  date: z.optional(past(dateTimeSchema())),
  /** The relative's name. */
  name: optionalText(200),
  /** mother, father, sibling… */
  relationship: requiredText(200),
  sex: optionalText(50),
  bornDate: z.optional(past(dateSchema())),
  /** An approximate age, e.g. "around 50". */
  ageString: optionalText(100),
  /** True when the age is an estimate; needs `ageString`. */
  estimatedAge: z.optional(bool()),
  deceasedBoolean: z.optional(bool()),
  deceasedDate: z.optional(past(dateSchema())),
  reasonCode: texts(500, 10),
  note: optionalText(2000),
  condition: z.optional(
    list(
      strictObject({
        code: requiredText(500),
        outcome: optionalText(500),
        contributedToDeath: z.optional(bool()),
        /** e.g. "Age 45". */
        onsetString: optionalText(200),
        note: optionalText(2000),
      }),
      20,
    ),
  ),
};
/** `POST /v1/family-history` body, with FHIR's fhs-1 and fhs-2 and one `deceased[x]`. */
export const familyHistoryCreateSchema = checked(
  strictObject(familyHistoryFields),
  z.superRefine((history, ctx) => {
    rule(ctx, history.bornDate === undefined || history.ageString === undefined, 'ageString', 'Give bornDate or ageString, not both');
    rule(ctx, history.estimatedAge === undefined || history.ageString !== undefined, 'estimatedAge', 'Only with ageString');
    rule(
      ctx,
      history.deceasedBoolean === undefined || history.deceasedDate === undefined,
      'deceasedDate',
      'Give deceasedBoolean or deceasedDate, not both',
    );
  }),
);
/** `PATCH /v1/family-history/{id}` object body. */
export const familyHistoryUpdateSchema = updateSchemaOf(familyHistoryFields);

const careTeamFields = {
  name: requiredText(500),
  status: z.optional(oneOf(['proposed', 'active', 'suspended', 'inactive'])),
  category: texts(200, 10),
  patientId: z.optional(reference('Patient')),
  encounterId: z.optional(reference('Encounter')),
  period: z.optional(periodSchema),
  participant: z.optional(
    list(
      strictObject({
        role: optionalText(200),
        /** `Type/id`, or a bare id meaning a practitioner. */
        memberId: typedReference(['Practitioner', 'PractitionerRole', 'RelatedPerson', 'Patient', 'Organization', 'CareTeam']),
        onBehalfOfId: z.optional(reference('Organization')),
        period: z.optional(periodSchema),
      }),
      50,
    ),
  ),
  reasonCode: texts(500, 10),
  managingOrganizationIds: ids('Organization', 10),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
  note: optionalText(5000),
};
/** `POST /v1/care-teams` body. */
export const careTeamCreateSchema = strictObject(careTeamFields);
/** `PATCH /v1/care-teams/{id}` object body. */
export const careTeamUpdateSchema = updateSchemaOf(careTeamFields);

const specimenFields = {
  status: z.optional(oneOf(['available', 'unavailable', 'unsatisfactory'])),
  /** blood, urine, tissue… */
  type: optionalText(200),
  patientId: reference('Patient'),
  receivedTime: z.optional(past(dateTimeSchema())),
  parentIds: ids('Specimen', 10),
  /** Service request ids. */
  requestIds: ids('ServiceRequest', 10),
  collection: z.optional(
    strictObject({
      collectorId: z.optional(reference('Practitioner')),
      collectedDateTime: z.optional(past(dateTimeSchema())),
      quantity: z.optional(measureSchema),
      method: optionalText(200),
      bodySite: optionalText(200),
    }),
  ),
  container: z.optional(
    list(
      strictObject({
        description: optionalText(500),
        type: optionalText(200),
        capacity: z.optional(measureSchema),
        specimenQuantity: z.optional(measureSchema),
      }),
      20,
    ),
  ),
  condition: texts(200, 10),
  note: optionalText(5000),
};
/** `POST /v1/specimens` body. */
export const specimenCreateSchema = strictObject(specimenFields);
/** `PATCH /v1/specimens/{id}` object body. */
export const specimenUpdateSchema = updateSchemaOf(specimenFields);

const count = () => z.optional(num({ int: true, min: 0, max: 1e9 }));

const imagingStudyFields = {
  status: oneOf(['registered', 'available', 'cancelled']),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  /** DICOM modality codes: CT, MR, US, XR, NM, PT… */
  modality: texts(50, 20),
  started: z.optional(dateTimeSchema()),
  referrerId: z.optional(reference('Practitioner')),
  interpreterIds: ids('Practitioner', 10),
  numberOfSeries: count(),
  numberOfInstances: count(),
  procedureCode: texts(500, 10),
  locationId: z.optional(reference('Location')),
  reasonCode: texts(500, 10),
  description: optionalText(2000),
  note: optionalText(5000),
  /** Service requests or care plans: `Type/id`, or a service request's id. */
  basedOn: z.optional(list(flexibleReference('ServiceRequest'), 10)),
  series: z.optional(
    list(
      strictObject({
        /** The DICOM series instance UID. */
        uid: requiredText(200),
        number: count(),
        modality: requiredText(50),
        description: optionalText(500),
        numberOfInstances: count(),
        bodySite: optionalText(200),
        laterality: optionalText(100),
        started: z.optional(dateTimeSchema()),
      }),
      50,
    ),
  ),
};
/** `POST /v1/imaging-studies` body. */
export const imagingStudyCreateSchema = strictObject(imagingStudyFields);
/** `PATCH /v1/imaging-studies/{id}` object body. */
export const imagingStudyUpdateSchema = updateSchemaOf(imagingStudyFields);

const mediaFields = {
  status: oneOf(['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed']),
  /** image, video, audio. */
  type: optionalText(200),
  modality: optionalText(200),
  view: optionalText(200),
  patientId: z.optional(reference('Patient')),
  encounterId: z.optional(reference('Encounter')),
  createdDateTime: z.optional(dateTimeSchema()),
  issued: z.optional(instantSchema()),
  operatorId: z.optional(reference('Practitioner')),
  reasonCode: texts(500, 10),
  bodySite: optionalText(200),
  deviceName: optionalText(500),
  deviceId: z.optional(reference('Device')),
  height: z.optional(num({ int: true, min: 1, max: 1e6 })),
  width: z.optional(num({ int: true, min: 1, max: 1e6 })),
  frames: z.optional(num({ int: true, min: 1, max: 1e9 })),
  /** Seconds. */
  duration: z.optional(num({ min: 0, max: 1e9 })),
  content: requiredObject(
    {
      contentType: requiredText(200),
      data: z.optional(z.base64({ error: 'Must be base64-encoded' })),
      url: z.optional(uriSchema),
      title: optionalText(500),
    },
    'an attachment such as { "contentType": "image/jpeg", "url": "https://…" }',
  ),
  note: optionalText(5000),
  /** Service requests or care plans: `Type/id`, or a service request's id. */
  basedOn: z.optional(list(flexibleReference('ServiceRequest'), 10)),
};
/** `POST /v1/media` body. */
export const mediaCreateSchema = strictObject(mediaFields);
/** `PATCH /v1/media/{id}` object body. */
export const mediaUpdateSchema = updateSchemaOf(mediaFields);

const riskAssessmentFields = {
  status: oneOf(['registered', 'preliminary', 'final', 'amended']),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  method: optionalText(200),
  code: optionalText(200),
  occurrenceDateTime: z.optional(dateTimeSchema()),
  conditionId: z.optional(reference('Condition')),
  performerId: z.optional(reference('Practitioner')),
  reasonCode: texts(500, 10),
  prediction: z.optional(
    list(
      strictObject({
        outcome: optionalText(500),
        probabilityDecimal: z.optional(num({ min: 0, max: 1 })),
        qualitativeRisk: optionalText(200),
        relativeRisk: z.optional(num({ min: 0, max: 1e6 })),
        rationale: optionalText(2000),
      }),
      20,
    ),
  ),
  mitigation: optionalText(5000),
  note: optionalText(5000),
  /** The request or observation it is based on: `Type/id`, or a service request's id. */
  basedOnId: z.optional(flexibleReference('ServiceRequest')),
};
/** `POST /v1/risk-assessments` body. */
export const riskAssessmentCreateSchema = strictObject(riskAssessmentFields);
/** `PATCH /v1/risk-assessments/{id}` object body. */
export const riskAssessmentUpdateSchema = updateSchemaOf(riskAssessmentFields);

const deviceFields = {
  deviceName: requiredText(500),
  status: z.optional(oneOf(['active', 'inactive'])),
  manufacturer: optionalText(500),
  modelNumber: optionalText(200),
  serialNumber: optionalText(200),
  lotNumber: optionalText(200),
  manufactureDate: z.optional(dateTimeSchema()),
  expirationDate: z.optional(dateTimeSchema()),
  type: optionalText(200),
  patientId: z.optional(reference('Patient')),
  /** The organisation responsible for the device. */
  ownerId: z.optional(reference('Organization')),
  locationId: z.optional(reference('Location')),
  /** Where the device can be reached on the network. */
  url: z.optional(uriSchema),
  note: optionalText(5000),
  parentId: z.optional(reference('Device')),
  udiCarrier: z.optional(list(strictObject({ deviceIdentifier: optionalText(200), carrierHRF: optionalText(500) }), 10)),
  safety: texts(200, 20),
};
/** `POST /v1/devices` body. */
export const deviceCreateSchema = strictObject(deviceFields);
/** `PATCH /v1/devices/{id}` object body. */
export const deviceUpdateSchema = updateSchemaOf(deviceFields);

/**
 * FHIR R4's device-statement-status. The contract also lists `not-done`, which R4 does not have (the hosted FHIR
 * store refuses it); `entered-in-error`, which the official SDK offers, is taken.
 */
export const DEVICE_USE_STATUSES = ['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold'] as const;

const deviceUseStatementFields = {
  status: z.string({
    error: (issue) => (issue.input === undefined || issue.input === null ? 'Required' : 'Must be text'),
    checks: [
      z.refine((value: string) => (DEVICE_USE_STATUSES as readonly string[]).includes(value), {
        error: (issue) =>
          issue.input === 'not-done'
            ? 'FHIR R4 has no not-done for device use; use stopped, or entered-in-error for a record made by mistake'
            : `Must be one of ${DEVICE_USE_STATUSES.join(', ')}`,
      }),
    ],
  }),
  patientId: reference('Patient'),
  deviceId: reference('Device'),
  timingDateTime: z.optional(dateTimeSchema()),
  timingPeriod: z.optional(periodSchema),
  recordedOn: z.optional(dateTimeSchema()),
  /** Who told: `Type/id`, or a bare id meaning a practitioner. */
  sourceId: z.optional(typedReference(['Practitioner', 'Patient', 'PractitionerRole', 'RelatedPerson'])),
  reasonCode: texts(500, 20),
  bodySite: optionalText(200),
  note: optionalText(5000),
  /** Service request ids. */
  basedOn: ids('ServiceRequest', 20),
};
/** `POST /v1/device-use-statements` body. */
export const deviceUseStatementCreateSchema = checked(
  strictObject(deviceUseStatementFields),
  z.superRefine((statement, ctx) => {
    rule(
      ctx,
      statement.timingDateTime === undefined || statement.timingPeriod === undefined,
      'timingPeriod',
      'Give timingDateTime or timingPeriod, not both',
    );
  }),
);
/** `PATCH /v1/device-use-statements/{id}` object body. */
export const deviceUseStatementUpdateSchema = updateSchemaOf(deviceUseStatementFields);
