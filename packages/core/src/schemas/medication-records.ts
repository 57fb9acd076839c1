/**
 * The simplified request shapes of the other medication and prescription records: dispenses, drug knowledge,
 * medication statements and vision prescriptions.
 */
import * as z from 'zod/mini';
import {
  bool,
  checked,
  conceptSchema,
  dateTimeSchema,
  list,
  num,
  oneOf,
  optionalText,
  periodSchema,
  ratioSchema,
  reference,
  requiredText,
  rule,
  strictObject,
  timeOf,
  typedReference,
  updateSchemaOf,
} from './common.ts';
import { FINANCIAL_STATUSES, flexibleReference, ids, measureSchema, moneySchema, texts } from './values.ts';

const performerSchema = strictObject({ function: optionalText(200), actorId: reference('Practitioner') });

const medicationDispenseFields = {
  status: oneOf(['preparation', 'in-progress', 'cancelled', 'on-hold', 'completed', 'stopped', 'declined']),
  /** The medicine: text or a coding. */
  medication: conceptSchema(200),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  statusReasonCodeableConcept: optionalText(500),
  category: optionalText(200),
  /** Practitioner ids, with what they did. */
  performer: z.optional(list(performerSchema, 20)),
  locationId: z.optional(reference('Location')),
  /** Prescription (MedicationRequest) ids. */
  authorizingPrescriptionIds: ids('MedicationRequest', 10),
  /** trial fill, partial fill, emergency fill… */
  type: optionalText(200),
  quantity: z.optional(measureSchema),
  daysSupply: z.optional(num({ min: 0, max: 10_000 })),
  whenPrepared: z.optional(dateTimeSchema()),
  whenHandedOver: z.optional(dateTimeSchema()),
  dosageText: optionalText(2000),
  substitution: z.optional(strictObject({ wasSubstituted: bool(), type: optionalText(200), reason: optionalText(500) })),
  note: optionalText(5000),
};
/** `POST /v1/medication-dispenses` body. */
export const medicationDispenseCreateSchema = checked(
  strictObject(medicationDispenseFields),
  z.superRefine((dispense, ctx) => {
    rule(
      ctx,
      !dispense.whenPrepared || !dispense.whenHandedOver || timeOf(dispense.whenHandedOver) >= timeOf(dispense.whenPrepared),
      'whenHandedOver',
      'Must not be before whenPrepared',
    );
  }),
);
/** `PATCH /v1/medication-dispenses/{id}` object body. */
export const medicationDispenseUpdateSchema = updateSchemaOf(medicationDispenseFields);

const medicationKnowledgeFields = {
  code: z.optional(conceptSchema(200)),
  status: z.optional(oneOf(['active', 'inactive'])),
  manufacturer: optionalText(200),
  /** tablet, capsule… */
  doseForm: optionalText(200),
  amount: z.optional(measureSchema),
  synonym: texts(200, 20),
  productType: texts(200, 10),
  ingredient: z.optional(
    list(
      strictObject({
        /** The substance: text or a coding. FHIR needs it on every ingredient. */
        item: conceptSchema(200),
        isActive: z.optional(bool()),
        strength: z.optional(ratioSchema),
      }),
      50,
    ),
  ),
  preparationInstruction: optionalText(5000),
  intendedRoute: texts(200, 10),
  cost: z.optional(list(strictObject({ type: requiredText(200), source: optionalText(500), cost: moneySchema }), 20)),
  packaging: z.optional(strictObject({ type: optionalText(200), quantity: z.optional(measureSchema) })),
};
/** `POST /v1/medication-knowledge` body. */
export const medicationKnowledgeCreateSchema = strictObject(medicationKnowledgeFields);
/** `PATCH /v1/medication-knowledge/{id}` object body. */
export const medicationKnowledgeUpdateSchema = updateSchemaOf(medicationKnowledgeFields);

const medicationStatementFields = {
  status: oneOf(['active', 'completed', 'stopped', 'on-hold', 'intended', 'not-taken']),
  /** The medicine: text or a coding. */
  medication: conceptSchema(200),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  statusReason: texts(500, 10),
  category: optionalText(200),
  effectiveDateTime: z.optional(dateTimeSchema()),
  effectivePeriod: z.optional(periodSchema),
  /** Defaults to the time of the request. */
  dateAsserted: z.optional(dateTimeSchema()),
  /** Who told: `Type/id`, or a bare id meaning the patient. */
  informationSourceId: z.optional(typedReference(['Patient', 'Practitioner', 'PractitionerRole', 'RelatedPerson', 'Organization'])),
  reasonCode: texts(500, 10),
  dosageText: optionalText(2000),
  note: optionalText(5000),
  /** Prescriptions, care plans or service requests: `Type/id`, or a prescription's id. */
  basedOn: z.optional(list(flexibleReference('MedicationRequest'), 10)),
  /** Events it is part of: `Type/id`, or a medication administration's id. */
  partOf: z.optional(list(flexibleReference('MedicationAdministration'), 10)),
};
/** `POST /v1/medication-statements` body. */
export const medicationStatementCreateSchema = checked(
  strictObject(medicationStatementFields),
  z.superRefine((statement, ctx) => {
    rule(
      ctx,
      statement.effectiveDateTime === undefined || statement.effectivePeriod === undefined,
      'effectivePeriod',
      'Give effectiveDateTime or effectivePeriod, not both',
    );
  }),
);
/** `PATCH /v1/medication-statements/{id}` object body. */
export const medicationStatementUpdateSchema = updateSchemaOf(medicationStatementFields);

/** Lens powers in dioptres, and the other measures of a lens. */
const dioptres = () => z.optional(num({ min: -100, max: 100 }));

const lensSchema = strictObject({
  /** lens or contact. */
  product: requiredText(200),
  eye: oneOf(['right', 'left']),
  sphere: dioptres(),
  cylinder: dioptres(),
  /** Degrees, 0–180. */
  axis: z.optional(num({ int: true, min: 0, max: 180 })),
  add: dioptres(),
  power: dioptres(),
  backCurve: dioptres(),
  diameter: z.optional(num({ min: 0, max: 100 })),
  color: optionalText(100),
  brand: optionalText(200),
  note: optionalText(2000),
  prism: z.optional(list(strictObject({ amount: num({ min: 0, max: 100 }), base: oneOf(['up', 'down', 'in', 'out']) }), 4)),
});

const visionPrescriptionFields = {
  status: oneOf(FINANCIAL_STATUSES),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  dateWritten: dateTimeSchema(),
  prescriberId: reference('Practitioner'),
  lensSpecification: list(lensSchema, 10, 1),
};
/** `POST /v1/vision-prescriptions` body. */
export const visionPrescriptionCreateSchema = strictObject(visionPrescriptionFields);
/** `PATCH /v1/vision-prescriptions/{id}` object body. */
export const visionPrescriptionUpdateSchema = updateSchemaOf(visionPrescriptionFields);
