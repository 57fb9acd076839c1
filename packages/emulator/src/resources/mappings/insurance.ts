/**
 * Claims, claim responses, explanations of benefit, coverages, eligibility and enrollment: the simplified shapes ↔
 * FHIR R4.
 */
import { OTHER_RESOURCE_SCHEMAS as SCHEMAS } from '@clinikapi/core';
import {
  now,
  refTo,
  refsTo,
  rule,
  ruleMapping,
  same,
  textOf,
  typedRefTo,
  withDefault,
  type ElementRule,
  type Fields,
} from '../field-rules.ts';
import { maybeCoded, maybeCodedOut, refOut, textConcept, textConceptOut } from '../fhir-values.ts';

type Concept = { text?: string; coding?: { code?: string }[] };
type Ref = { reference?: string };

/** FHIR R4 Claim and ClaimResponse have no note element, so the API's `note` is kept in an extension. */
export const NOTE_EXTENSION = 'https://clinikapi.com/fhir/StructureDefinition/note';

const noteExtension = (): ElementRule =>
  rule(
    'extension',
    (input) => (input.note === undefined ? undefined : [{ url: NOTE_EXTENSION, valueString: input.note }]),
    (value) => ({
      note: (value as { url: string; valueString?: string }[]).find((extension) => extension.url === NOTE_EXTENSION)?.valueString,
    }),
  );

/** A code of a known code system when it is one of `known`, else text. */
const codedText = (field: string, system: string, known: readonly string[], element = field): ElementRule =>
  rule(
    element,
    (input) => maybeCoded(system, known, input[field] as string | undefined),
    (value) => ({ [field]: maybeCodedOut(value as Concept) }),
  );

const claimType = () =>
  codedText('type', 'http://terminology.hl7.org/CodeSystem/claim-type', ['institutional', 'oral', 'pharmacy', 'professional', 'vision']);
const created = () => withDefault('created', now);

/** `[{ …, coverageId }]` ↔ `[{ …, coverage }]`. */
const insurance = (): ElementRule =>
  rule(
    'insurance',
    (input) =>
      (input.insurance as Fields[] | undefined)?.map(({ coverageId, ...rest }) => ({
        ...rest,
        coverage: { reference: `Coverage/${coverageId as string}` },
      })),
    (value) => ({
      insurance: (value as (Fields & { coverage: Ref })[]).map(({ coverage, ...rest }) => ({
        ...rest,
        coverageId: refOut(coverage, 'Coverage'),
      })),
    }),
  );

const adjudicationIn = (adjudication: unknown) =>
  (adjudication as Fields[] | undefined)?.map(({ category, ...rest }) => ({ category: textConcept(category as string), ...rest }));
const adjudicationOut = (adjudication: unknown) =>
  (adjudication as (Fields & { category: Concept })[] | undefined)?.map(({ category, ...rest }) => ({
    category: textConceptOut(category),
    ...rest,
  }));

/** Line items: `productOrService` (and each adjudication's `category`) as text concepts. */
const items = (): ElementRule =>
  rule(
    'item',
    (input) =>
      (input.item as Fields[] | undefined)?.map(({ productOrService, adjudication, ...rest }) => ({
        ...rest,
        productOrService: textConcept(productOrService as string | undefined),
        adjudication: adjudicationIn(adjudication),
      })),
    (value) => ({
      item: (value as (Fields & { productOrService?: Concept; adjudication?: unknown })[]).map(
        ({ productOrService, adjudication, ...rest }) => ({
          ...rest,
          productOrService: textConceptOut(productOrService),
          adjudication: adjudicationOut(adjudication),
        }),
      ),
    }),
  );

const totals = (): ElementRule =>
  rule(
    'total',
    (input) => adjudicationIn(input.total),
    (value) => ({ total: adjudicationOut(value) }),
  );

const payment = (): ElementRule =>
  rule(
    'payment',
    (input) => {
      const paid = input.payment as Fields | undefined;
      return paid && { ...paid, type: textConcept(paid.type as string | undefined) };
    },
    (value) => {
      const paid = value as Fields & { type?: Concept };
      return { payment: { ...paid, type: textConceptOut(paid.type) } };
    },
  );

export const claimMapping = ruleMapping({
  resourceType: 'Claim',
  createSchema: SCHEMAS.claims.create,
  updateSchema: SCHEMAS.claims.update,
  rules: [
    noteExtension(),
    same('status'),
    claimType(),
    same('use'),
    refTo('Patient', 'patientId', 'patient'),
    same('billablePeriod'),
    created(),
    refTo('Organization', 'insurerId', 'insurer'),
    typedRefTo('Practitioner', 'providerId', 'provider'),
    codedText('priority', 'http://terminology.hl7.org/CodeSystem/processpriority', ['stat', 'normal', 'deferred']),
    rule(
      'diagnosis',
      (input) =>
        (input.diagnosis as Fields[] | undefined)?.map((diagnosis) => ({
          sequence: diagnosis.sequence,
          diagnosisCodeableConcept: textConcept(diagnosis.code as string),
        })),
      (value) => ({
        diagnosis: (value as { sequence: number; diagnosisCodeableConcept?: Concept }[]).map((diagnosis) => ({
          sequence: diagnosis.sequence,
          code: textConceptOut(diagnosis.diagnosisCodeableConcept),
        })),
      }),
    ),
    rule(
      'procedure',
      (input) =>
        (input.procedure as Fields[] | undefined)?.map((procedure) => ({
          sequence: procedure.sequence,
          date: procedure.date,
          procedureCodeableConcept: textConcept(procedure.code as string),
        })),
      (value) => ({
        procedure: (value as { sequence: number; date?: string; procedureCodeableConcept?: Concept }[]).map((procedure) => ({
          sequence: procedure.sequence,
          code: textConceptOut(procedure.procedureCodeableConcept),
          date: procedure.date,
        })),
      }),
    ),
    insurance(),
    items(),
    same('total'),
  ],
});

export const claimResponseMapping = ruleMapping({
  resourceType: 'ClaimResponse',
  createSchema: SCHEMAS['claim-responses'].create,
  updateSchema: SCHEMAS['claim-responses'].update,
  rules: [
    noteExtension(),
    same('status'),
    claimType(),
    same('use'),
    refTo('Patient', 'patientId', 'patient'),
    created(),
    refTo('Organization', 'insurerId', 'insurer'),
    refTo('Claim', 'requestId', 'request'),
    same('outcome'),
    same('disposition'),
    same('preAuthRef'),
    textOf('payeeType'),
    rule(
      'item',
      (input) =>
        (input.item as Fields[] | undefined)?.map((item) => ({
          itemSequence: item.itemSequence,
          adjudication: adjudicationIn(item.adjudication),
        })),
      (value) => ({
        item: (value as Fields[]).map((item) => ({ itemSequence: item.itemSequence, adjudication: adjudicationOut(item.adjudication) })),
      }),
    ),
    totals(),
    payment(),
    same('processNote'),
  ],
});

export const eobMapping = ruleMapping({
  resourceType: 'ExplanationOfBenefit',
  createSchema: SCHEMAS.eobs.create,
  updateSchema: SCHEMAS.eobs.update,
  rules: [
    same('status'),
    claimType(),
    same('use'),
    refTo('Patient', 'patientId', 'patient'),
    same('billablePeriod'),
    created(),
    refTo('Organization', 'insurerId', 'insurer'),
    typedRefTo('Practitioner', 'providerId', 'provider'),
    refTo('Claim', 'claimId', 'claim'),
    refTo('ClaimResponse', 'claimResponseId', 'claimResponse'),
    same('outcome'),
    same('disposition'),
    insurance(),
    items(),
    totals(),
    payment(),
    same('processNote'),
  ],
});

const COVERAGE_CLASSES = ['group', 'subgroup', 'plan', 'subplan', 'class', 'subclass', 'sequence', 'rxbin', 'rxpcn', 'rxid', 'rxgroup'];

export const coverageMapping = ruleMapping({
  resourceType: 'Coverage',
  createSchema: SCHEMAS.coverages.create,
  updateSchema: SCHEMAS.coverages.update,
  rules: [
    same('status'),
    textOf('type'),
    typedRefTo('Patient', 'policyHolderRef', 'policyHolder'),
    typedRefTo('Patient', 'subscriberRef', 'subscriber'),
    same('subscriberId'),
    refTo('Patient', 'patientId', 'beneficiary'),
    same('dependent'),
    codedText('relationship', 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', [
      'child',
      'parent',
      'spouse',
      'common',
      'other',
      'self',
      'injured',
    ]),
    same('period'),
    refsTo('Organization', 'payorIds', 'payor'),
    rule(
      'class',
      (input) =>
        (input.class as Fields[] | undefined)?.map(({ type, ...rest }) => ({
          type: maybeCoded('http://terminology.hl7.org/CodeSystem/coverage-class', COVERAGE_CLASSES, type as string),
          ...rest,
        })),
      (value) => ({
        class: (value as (Fields & { type: Concept })[]).map(({ type, ...rest }) => ({ type: maybeCodedOut(type), ...rest })),
      }),
    ),
    same('order'),
    same('network'),
    same('subrogation'),
  ],
});

export const eligibilityRequestMapping = ruleMapping({
  resourceType: 'CoverageEligibilityRequest',
  createSchema: SCHEMAS['eligibility-requests'].create,
  updateSchema: SCHEMAS['eligibility-requests'].update,
  rules: [
    same('status'),
    same('purpose'),
    refTo('Patient', 'patientId', 'patient'),
    same('servicedDate'),
    same('servicedPeriod'),
    created(),
    typedRefTo('Practitioner', 'providerId', 'provider'),
    refTo('Organization', 'insurerId', 'insurer'),
    insurance(),
    rule(
      'item',
      (input) =>
        (input.item as Fields[] | undefined)?.map((item) => ({
          category: textConcept(item.category as string | undefined),
          productOrService: textConcept(item.productOrService as string | undefined),
        })),
      (value) => ({
        item: (value as { category?: Concept; productOrService?: Concept }[]).map((item) => ({
          category: textConceptOut(item.category),
          productOrService: textConceptOut(item.productOrService),
        })),
      }),
    ),
  ],
});

export const eligibilityResponseMapping = ruleMapping({
  resourceType: 'CoverageEligibilityResponse',
  createSchema: SCHEMAS['eligibility-responses'].create,
  updateSchema: SCHEMAS['eligibility-responses'].update,
  rules: [
    same('status'),
    same('purpose'),
    refTo('Patient', 'patientId', 'patient'),
    created(),
    refTo('CoverageEligibilityRequest', 'requestId', 'request'),
    same('outcome'),
    same('disposition'),
    refTo('Organization', 'insurerId', 'insurer'),
    insurance(),
    same('preAuthRef'),
    rule(
      'error',
      (input) => (input.error as { code: string }[] | undefined)?.map((error) => ({ code: textConcept(error.code) })),
      (value) => ({ error: (value as { code: Concept }[]).map((error) => ({ code: textConceptOut(error.code) })) }),
    ),
  ],
});

/** Enrollment records are in force unless they say otherwise. */
const activeStatus = () => withDefault('status', () => 'active');

export const enrollmentRequestMapping = ruleMapping({
  resourceType: 'EnrollmentRequest',
  createSchema: SCHEMAS['enrollment-requests'].create,
  updateSchema: SCHEMAS['enrollment-requests'].update,
  patientField: 'candidateId',
  rules: [
    activeStatus(),
    created(),
    refTo('Organization', 'insurerId', 'insurer'),
    typedRefTo('Practitioner', 'providerId', 'provider'),
    refTo('Patient', 'candidateId', 'candidate'),
    refTo('Coverage', 'coverageId', 'coverage'),
  ],
});

export const enrollmentResponseMapping = ruleMapping({
  resourceType: 'EnrollmentResponse',
  createSchema: SCHEMAS['enrollment-responses'].create,
  updateSchema: SCHEMAS['enrollment-responses'].update,
  rules: [
    activeStatus(),
    refTo('EnrollmentRequest', 'requestId', 'request'),
    same('outcome'),
    same('disposition'),
    created(),
    refTo('Organization', 'organizationId', 'organization'),
    typedRefTo('Practitioner', 'requestProviderId', 'requestProvider'),
  ],
});
