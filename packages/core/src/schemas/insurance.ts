/**
 * The simplified request shapes of insurance: claims, claim responses, explanations of benefit, coverages,
 * eligibility requests and responses, enrollment requests and responses.
 */
import * as z from 'zod/mini';
import {
  bool,
  checked,
  dateSchema,
  dateTimeSchema,
  list,
  num,
  oneOf,
  optionalText,
  periodSchema,
  reference,
  requiredText,
  rule,
  strictObject,
  typedReference,
  updateSchemaOf,
} from './common.ts';
import { CLAIM_USES, FINANCIAL_STATUSES, PROCESSING_OUTCOMES, measureSchema, moneySchema, requiredMoneySchema } from './values.ts';

/** Who provided or billed the care: `Type/id`, or a bare id meaning a practitioner. */
const providerReference = typedReference(['Practitioner', 'PractitionerRole', 'Organization']);
const sequence = () => num({ int: true, min: 1, max: 10_000 });

const lineItem = {
  sequence: sequence(),
  /** The service or product billed: text. */
  productOrService: requiredText(500),
  quantity: z.optional(measureSchema),
  unitPrice: z.optional(moneySchema),
  net: z.optional(moneySchema),
};
const adjudicationSchema = strictObject({ category: requiredText(200), amount: z.optional(moneySchema) });
const totalSchema = strictObject({ category: requiredText(200), amount: requiredMoneySchema });
const paymentSchema = strictObject({ type: requiredText(200), amount: requiredMoneySchema, date: z.optional(dateSchema()) });
const processNoteSchema = strictObject({ number: z.optional(num({ int: true, min: 1, max: 10_000 })), text: requiredText(2000) });

const claimFields = {
  status: oneOf(FINANCIAL_STATUSES),
  /** institutional, oral, pharmacy, professional, vision. */
  type: requiredText(200),
  use: oneOf(CLAIM_USES),
  patientId: reference('Patient'),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  providerId: providerReference,
  insurerId: z.optional(reference('Organization')),
  /** normal, stat, deferred. */
  priority: requiredText(50),
  billablePeriod: z.optional(periodSchema),
  diagnosis: z.optional(list(strictObject({ sequence: sequence(), code: requiredText(500) }), 25)),
  procedure: z.optional(list(strictObject({ sequence: sequence(), code: requiredText(500), date: z.optional(dateTimeSchema()) }), 25)),
  insurance: list(strictObject({ sequence: sequence(), focal: bool(), coverageId: reference('Coverage') }), 10, 1),
  item: z.optional(list(strictObject(lineItem), 50)),
  total: z.optional(moneySchema),
  note: optionalText(5000),
};
/** `POST /v1/claims` body. */
export const claimCreateSchema = strictObject(claimFields);
/** `PATCH /v1/claims/{id}` object body. */
export const claimUpdateSchema = updateSchemaOf(claimFields);

const claimResponseFields = {
  status: oneOf(FINANCIAL_STATUSES),
  type: requiredText(200),
  use: oneOf(CLAIM_USES),
  patientId: reference('Patient'),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  insurerId: reference('Organization'),
  /** The Claim answered. */
  requestId: z.optional(reference('Claim')),
  outcome: oneOf(PROCESSING_OUTCOMES),
  disposition: optionalText(2000),
  preAuthRef: optionalText(500),
  payeeType: optionalText(200),
  item: z.optional(list(strictObject({ itemSequence: sequence(), adjudication: list(adjudicationSchema, 20, 1) }), 50)),
  total: z.optional(list(totalSchema, 10)),
  payment: z.optional(paymentSchema),
  processNote: z.optional(list(processNoteSchema, 20)),
  note: optionalText(5000),
};
/** `POST /v1/claim-responses` body. */
export const claimResponseCreateSchema = strictObject(claimResponseFields);
/** `PATCH /v1/claim-responses/{id}` object body. */
export const claimResponseUpdateSchema = updateSchemaOf(claimResponseFields);

const eobFields = {
  status: oneOf(FINANCIAL_STATUSES),
  type: requiredText(200),
  use: oneOf(CLAIM_USES),
  patientId: reference('Patient'),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  insurerId: reference('Organization'),
  providerId: providerReference,
  outcome: oneOf(PROCESSING_OUTCOMES),
  disposition: optionalText(2000),
  claimId: z.optional(reference('Claim')),
  claimResponseId: z.optional(reference('ClaimResponse')),
  billablePeriod: z.optional(periodSchema),
  insurance: list(strictObject({ focal: bool(), coverageId: reference('Coverage') }), 10, 1),
  item: z.optional(list(strictObject({ ...lineItem, adjudication: z.optional(list(adjudicationSchema, 20)) }), 50)),
  total: z.optional(list(totalSchema, 10)),
  payment: z.optional(strictObject({ type: optionalText(200), amount: z.optional(requiredMoneySchema), date: z.optional(dateSchema()) })),
  processNote: z.optional(list(processNoteSchema, 20)),
};
/** `POST /v1/eobs` body. */
export const eobCreateSchema = strictObject(eobFields);
/** `PATCH /v1/eobs/{id}` object body. */
export const eobUpdateSchema = updateSchemaOf(eobFields);

const coverageFields = {
  status: oneOf(FINANCIAL_STATUSES),
  /** The beneficiary. */
  patientId: reference('Patient'),
  /** medical, dental, vision, pharmacy. */
  type: optionalText(200),
  /** The number on the insurance card. */
  subscriberId: optionalText(200),
  /** `Type/id`, or a bare id meaning a patient. */
  subscriberRef: z.optional(typedReference(['Patient', 'RelatedPerson'])),
  /** `Type/id`, or a bare id meaning a patient. */
  policyHolderRef: z.optional(typedReference(['Patient', 'RelatedPerson', 'Organization'])),
  /** self, spouse, child, parent, common, other, injured. */
  relationship: optionalText(100),
  period: z.optional(periodSchema),
  /** The insurers (organisation ids); at least one. */
  payorIds: list(reference('Organization'), 10, 1),
  /** group, plan, subplan, class, rxbin… with their values. */
  class: z.optional(list(strictObject({ type: requiredText(200), value: requiredText(200), name: optionalText(500) }), 20)),
  order: z.optional(num({ int: true, min: 1, max: 100 })),
  network: optionalText(500),
  dependent: optionalText(200),
  subrogation: z.optional(bool()),
};
/** `POST /v1/coverages` body. */
export const coverageCreateSchema = strictObject(coverageFields);
/** `PATCH /v1/coverages/{id}` object body. */
export const coverageUpdateSchema = updateSchemaOf(coverageFields);

/** FHIR's eligibilityrequest-purpose. */
export const ELIGIBILITY_PURPOSES = ['auth-requirements', 'benefits', 'discovery', 'validation'] as const;
const purposes = () => list(oneOf(ELIGIBILITY_PURPOSES), 4, 1);

const eligibilityRequestFields = {
  status: oneOf(FINANCIAL_STATUSES),
  purpose: purposes(),
  patientId: reference('Patient'),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  insurerId: reference('Organization'),
  providerId: z.optional(providerReference),
  servicedDate: z.optional(dateSchema()),
  servicedPeriod: z.optional(periodSchema),
  insurance: z.optional(list(strictObject({ focal: z.optional(bool()), coverageId: reference('Coverage') }), 10)),
  item: z.optional(list(strictObject({ category: optionalText(500), productOrService: optionalText(500) }), 25)),
};
/** `POST /v1/eligibility-requests` body. */
export const eligibilityRequestCreateSchema = checked(
  strictObject(eligibilityRequestFields),
  z.superRefine((request, ctx) => {
    rule(
      ctx,
      request.servicedDate === undefined || request.servicedPeriod === undefined,
      'servicedPeriod',
      'Give servicedDate or servicedPeriod, not both',
    );
  }),
);
/** `PATCH /v1/eligibility-requests/{id}` object body. */
export const eligibilityRequestUpdateSchema = updateSchemaOf(eligibilityRequestFields);

const eligibilityResponseFields = {
  status: oneOf(FINANCIAL_STATUSES),
  purpose: purposes(),
  patientId: reference('Patient'),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  /** The CoverageEligibilityRequest answered. */
  requestId: reference('CoverageEligibilityRequest'),
  outcome: oneOf(PROCESSING_OUTCOMES),
  insurerId: reference('Organization'),
  disposition: optionalText(2000),
  insurance: z.optional(
    list(strictObject({ coverageId: reference('Coverage'), inforce: z.optional(bool()), benefitPeriod: z.optional(periodSchema) }), 10),
  ),
  preAuthRef: optionalText(500),
  error: z.optional(list(strictObject({ code: requiredText(500) }), 20)),
};
/** `POST /v1/eligibility-responses` body. */
export const eligibilityResponseCreateSchema = strictObject(eligibilityResponseFields);
/** `PATCH /v1/eligibility-responses/{id}` object body. */
export const eligibilityResponseUpdateSchema = updateSchemaOf(eligibilityResponseFields);

const enrollmentRequestFields = {
  /** Defaults to active. */
  status: z.optional(oneOf(FINANCIAL_STATUSES)),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  insurerId: z.optional(reference('Organization')),
  providerId: z.optional(providerReference),
  /** The patient to enrol. */
  candidateId: reference('Patient'),
  coverageId: z.optional(reference('Coverage')),
};
/** `POST /v1/enrollment-requests` body. */
export const enrollmentRequestCreateSchema = strictObject(enrollmentRequestFields);
/** `PATCH /v1/enrollment-requests/{id}` object body. */
export const enrollmentRequestUpdateSchema = updateSchemaOf(enrollmentRequestFields);

const enrollmentResponseFields = {
  /** Defaults to active. */
  status: z.optional(oneOf(FINANCIAL_STATUSES)),
  /** The EnrollmentRequest answered. */
  requestId: z.optional(reference('EnrollmentRequest')),
  outcome: z.optional(oneOf(PROCESSING_OUTCOMES)),
  disposition: optionalText(2000),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  /** The insurer. */
  organizationId: z.optional(reference('Organization')),
  requestProviderId: z.optional(providerReference),
};
/** `POST /v1/enrollment-responses` body. */
export const enrollmentResponseCreateSchema = strictObject(enrollmentResponseFields);
/** `PATCH /v1/enrollment-responses/{id}` object body. */
export const enrollmentResponseUpdateSchema = updateSchemaOf(enrollmentResponseFields);
