/**
 * The simplified request shapes of every resource path, and the types every layer derives from them: what a create
 * takes, what an update takes, and what the API answers with. The 19 paths the widgets use are `RESOURCE_SCHEMAS`;
 * the other 43 are `OTHER_RESOURCE_SCHEMAS`, whose paths also take their FHIR resource as JSON on create.
 */
import type * as z from 'zod/mini';
import type { ResourcePath } from '../catalogue.ts';
import type { FhirResourceOf } from '../fhir.ts';
import type { JsonPatch } from '../json-patch.ts';
import { allergyCreateSchema, allergyUpdateSchema } from './allergy.ts';
import { appointmentCreateSchema, appointmentUpdateSchema } from './appointment.ts';
import { assessmentCreateSchema, assessmentUpdateSchema } from './assessment.ts';
import {
  accountCreateSchema,
  accountUpdateSchema,
  chargeItemCreateSchema,
  chargeItemUpdateSchema,
  invoiceCreateSchema,
  invoiceUpdateSchema,
  paymentNoticeCreateSchema,
  paymentNoticeUpdateSchema,
  paymentReconciliationCreateSchema,
  paymentReconciliationUpdateSchema,
} from './billing.ts';
import { carePlanCreateSchema, carePlanUpdateSchema } from './care-plan.ts';
import {
  careTeamCreateSchema,
  careTeamUpdateSchema,
  deviceCreateSchema,
  deviceUpdateSchema,
  deviceUseStatementCreateSchema,
  deviceUseStatementUpdateSchema,
  familyHistoryCreateSchema,
  familyHistoryUpdateSchema,
  imagingStudyCreateSchema,
  imagingStudyUpdateSchema,
  mediaCreateSchema,
  mediaUpdateSchema,
  riskAssessmentCreateSchema,
  riskAssessmentUpdateSchema,
  specimenCreateSchema,
  specimenUpdateSchema,
} from './clinical.ts';
import { conditionCreateSchema, conditionUpdateSchema } from './condition.ts';
import { consentCreateSchema, consentUpdateSchema } from './consent.ts';
import {
  activityDefinitionCreateSchema,
  activityDefinitionUpdateSchema,
  auditEventCreateSchema,
  measureCreateSchema,
  measureReportCreateSchema,
  measureReportUpdateSchema,
  measureUpdateSchema,
  planDefinitionCreateSchema,
  planDefinitionUpdateSchema,
} from './definitions.ts';
import {
  healthcareServiceCreateSchema,
  healthcareServiceUpdateSchema,
  locationCreateSchema,
  locationUpdateSchema,
  organizationCreateSchema,
  organizationUpdateSchema,
  personCreateSchema,
  personUpdateSchema,
} from './directory.ts';
import { documentCreateSchema, documentUpdateSchema } from './document.ts';
import { encounterCreateSchema, encounterUpdateSchema } from './encounter.ts';
import { goalCreateSchema, goalUpdateSchema } from './goal.ts';
import {
  immunizationEvaluationCreateSchema,
  immunizationEvaluationUpdateSchema,
  immunizationRecommendationCreateSchema,
} from './immunization-records.ts';
import { immunizationCreateSchema, immunizationUpdateSchema } from './immunization.ts';
import {
  claimCreateSchema,
  claimResponseCreateSchema,
  claimResponseUpdateSchema,
  claimUpdateSchema,
  coverageCreateSchema,
  coverageUpdateSchema,
  eligibilityRequestCreateSchema,
  eligibilityRequestUpdateSchema,
  eligibilityResponseCreateSchema,
  eligibilityResponseUpdateSchema,
  enrollmentRequestCreateSchema,
  enrollmentRequestUpdateSchema,
  enrollmentResponseCreateSchema,
  enrollmentResponseUpdateSchema,
  eobCreateSchema,
  eobUpdateSchema,
} from './insurance.ts';
import { intakeCreateSchema, intakeUpdateSchema } from './intake.ts';
import { labCreateSchema, labUpdateSchema } from './lab.ts';
import {
  medicationDispenseCreateSchema,
  medicationDispenseUpdateSchema,
  medicationKnowledgeCreateSchema,
  medicationKnowledgeUpdateSchema,
  medicationStatementCreateSchema,
  medicationStatementUpdateSchema,
  visionPrescriptionCreateSchema,
  visionPrescriptionUpdateSchema,
} from './medication-records.ts';
import { medicationCreateSchema, medicationUpdateSchema } from './medication.ts';
import { noteCreateSchema, noteUpdateSchema } from './note.ts';
import { observationCreateSchema, observationUpdateSchema } from './observation.ts';
import { patientCreateSchema, patientUpdateSchema, type PatientSummary } from './patient.ts';
import { practitionerRoleCreateSchema, practitionerRoleUpdateSchema } from './practitioner-role.ts';
import { practitionerCreateSchema, practitionerUpdateSchema } from './practitioner.ts';
import { prescriptionCreateSchema, prescriptionUpdateSchema } from './prescription.ts';
import { referenceFieldsOf, type ReferenceField } from './references.ts';
import {
  appointmentResponseCreateSchema,
  appointmentResponseUpdateSchema,
  scheduleCreateSchema,
  scheduleUpdateSchema,
  slotCreateSchema,
  slotUpdateSchema,
} from './scheduling.ts';
import {
  deviceRequestCreateSchema,
  deviceRequestUpdateSchema,
  nutritionOrderCreateSchema,
  nutritionOrderUpdateSchema,
  serviceRequestCreateSchema,
  serviceRequestUpdateSchema,
  taskCreateSchema,
  taskUpdateSchema,
} from './workflow.ts';

export interface ResourceSchemas {
  /** Validates `POST /v1/{path}` bodies. */
  readonly create: z.ZodMiniType;
  /** Validates the object form of `PATCH /v1/{path}/{id}` bodies; absent on the paths that cannot be changed. */
  readonly update?: z.ZodMiniType;
}

/** The simplified request schemas of the 19 paths the widgets use, keyed by path. */
export const RESOURCE_SCHEMAS = {
  patients: { create: patientCreateSchema, update: patientUpdateSchema },
  practitioners: { create: practitionerCreateSchema, update: practitionerUpdateSchema },
  'practitioner-roles': { create: practitionerRoleCreateSchema, update: practitionerRoleUpdateSchema },
  encounters: { create: encounterCreateSchema, update: encounterUpdateSchema },
  observations: { create: observationCreateSchema, update: observationUpdateSchema },
  medications: { create: medicationCreateSchema, update: medicationUpdateSchema },
  prescriptions: { create: prescriptionCreateSchema, update: prescriptionUpdateSchema },
  appointments: { create: appointmentCreateSchema, update: appointmentUpdateSchema },
  intakes: { create: intakeCreateSchema, update: intakeUpdateSchema },
  consents: { create: consentCreateSchema, update: consentUpdateSchema },
  labs: { create: labCreateSchema, update: labUpdateSchema },
  notes: { create: noteCreateSchema, update: noteUpdateSchema },
  assessments: { create: assessmentCreateSchema, update: assessmentUpdateSchema },
  documents: { create: documentCreateSchema, update: documentUpdateSchema },
  conditions: { create: conditionCreateSchema, update: conditionUpdateSchema },
  allergies: { create: allergyCreateSchema, update: allergyUpdateSchema },
  immunizations: { create: immunizationCreateSchema, update: immunizationUpdateSchema },
  'care-plans': { create: carePlanCreateSchema, update: carePlanUpdateSchema },
  goals: { create: goalCreateSchema, update: goalUpdateSchema },
} as const satisfies Partial<Record<ResourcePath, ResourceSchemas>>;

/** A path with simplified request shapes that the widgets use. */
export type MappedResourcePath = keyof typeof RESOURCE_SCHEMAS;

/** True when `path` is one of the 19 the widgets use, whose requests are simplified shapes only. */
export function hasSimplifiedSchemas(path: string): path is MappedResourcePath {
  return Object.hasOwn(RESOURCE_SCHEMAS, path);
}

/** The simplified request schemas of the other 43 paths, as the API's contract defines them, keyed by path. */
export const OTHER_RESOURCE_SCHEMAS = {
  'appointment-responses': { create: appointmentResponseCreateSchema, update: appointmentResponseUpdateSchema },
  tasks: { create: taskCreateSchema, update: taskUpdateSchema },
  slots: { create: slotCreateSchema, update: slotUpdateSchema },
  organizations: { create: organizationCreateSchema, update: organizationUpdateSchema },
  accounts: { create: accountCreateSchema, update: accountUpdateSchema },
  'healthcare-services': { create: healthcareServiceCreateSchema, update: healthcareServiceUpdateSchema },
  'service-requests': { create: serviceRequestCreateSchema, update: serviceRequestUpdateSchema },
  locations: { create: locationCreateSchema, update: locationUpdateSchema },
  schedules: { create: scheduleCreateSchema, update: scheduleUpdateSchema },
  persons: { create: personCreateSchema, update: personUpdateSchema },
  'family-history': { create: familyHistoryCreateSchema, update: familyHistoryUpdateSchema },
  claims: { create: claimCreateSchema, update: claimUpdateSchema },
  'claim-responses': { create: claimResponseCreateSchema, update: claimResponseUpdateSchema },
  'care-teams': { create: careTeamCreateSchema, update: careTeamUpdateSchema },
  'charge-items': { create: chargeItemCreateSchema, update: chargeItemUpdateSchema },
  coverages: { create: coverageCreateSchema, update: coverageUpdateSchema },
  'eligibility-requests': { create: eligibilityRequestCreateSchema, update: eligibilityRequestUpdateSchema },
  'eligibility-responses': { create: eligibilityResponseCreateSchema, update: eligibilityResponseUpdateSchema },
  eobs: { create: eobCreateSchema, update: eobUpdateSchema },
  devices: { create: deviceCreateSchema, update: deviceUpdateSchema },
  'device-requests': { create: deviceRequestCreateSchema, update: deviceRequestUpdateSchema },
  'device-use-statements': { create: deviceUseStatementCreateSchema, update: deviceUseStatementUpdateSchema },
  invoices: { create: invoiceCreateSchema, update: invoiceUpdateSchema },
  'medication-dispenses': { create: medicationDispenseCreateSchema, update: medicationDispenseUpdateSchema },
  'medication-knowledge': { create: medicationKnowledgeCreateSchema, update: medicationKnowledgeUpdateSchema },
  'medication-statements': { create: medicationStatementCreateSchema, update: medicationStatementUpdateSchema },
  'payment-notices': { create: paymentNoticeCreateSchema, update: paymentNoticeUpdateSchema },
  'payment-reconciliations': { create: paymentReconciliationCreateSchema, update: paymentReconciliationUpdateSchema },
  specimens: { create: specimenCreateSchema, update: specimenUpdateSchema },
  'imaging-studies': { create: imagingStudyCreateSchema, update: imagingStudyUpdateSchema },
  'enrollment-requests': { create: enrollmentRequestCreateSchema, update: enrollmentRequestUpdateSchema },
  'enrollment-responses': { create: enrollmentResponseCreateSchema, update: enrollmentResponseUpdateSchema },
  'immunization-evaluations': { create: immunizationEvaluationCreateSchema, update: immunizationEvaluationUpdateSchema },
  media: { create: mediaCreateSchema, update: mediaUpdateSchema },
  'activity-definitions': { create: activityDefinitionCreateSchema, update: activityDefinitionUpdateSchema },
  'nutrition-orders': { create: nutritionOrderCreateSchema, update: nutritionOrderUpdateSchema },
  'plan-definitions': { create: planDefinitionCreateSchema, update: planDefinitionUpdateSchema },
  'vision-prescriptions': { create: visionPrescriptionCreateSchema, update: visionPrescriptionUpdateSchema },
  'risk-assessments': { create: riskAssessmentCreateSchema, update: riskAssessmentUpdateSchema },
  'audit-events': { create: auditEventCreateSchema },
  measures: { create: measureCreateSchema, update: measureUpdateSchema },
  'measure-reports': { create: measureReportCreateSchema, update: measureReportUpdateSchema },
  'immunization-recommendations': { create: immunizationRecommendationCreateSchema },
} as const satisfies Partial<Record<ResourcePath, ResourceSchemas>>;

/** One of the 43 paths the widgets do not use. */
export type OtherResourcePath = keyof typeof OTHER_RESOURCE_SCHEMAS;

/**
 * True when a create body on `path` is the FHIR resource itself rather than the simplified shape: on the 43 other
 * paths an object with `resourceType` is taken as FHIR, as it was before they had simplified shapes. The 19 the
 * widgets use take their simplified shape only. (An update object is a merge of simplified fields on every path.)
 */
export function isFhirCreateBody(path: string, body: unknown): boolean {
  return (
    Object.hasOwn(OTHER_RESOURCE_SCHEMAS, path) &&
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    'resourceType' in body
  );
}

/** The simplified schemas of any catalogue path. */
export function schemasOf(path: string): ResourceSchemas | undefined {
  if (Object.hasOwn(RESOURCE_SCHEMAS, path)) return RESOURCE_SCHEMAS[path as MappedResourcePath];
  if (Object.hasOwn(OTHER_RESOURCE_SCHEMAS, path)) return OTHER_RESOURCE_SCHEMAS[path as OtherResourcePath];
  return undefined;
}

/**
 * What `POST /v1/{P}` takes: the simplified shape, and on the 43 other paths also the FHIR resource itself (a body
 * with `resourceType`).
 */
export type CreateInput<P extends ResourcePath> = P extends MappedResourcePath
  ? z.input<(typeof RESOURCE_SCHEMAS)[P]['create']>
  : P extends OtherResourcePath
    ? z.input<(typeof OTHER_RESOURCE_SCHEMAS)[P]['create']> | Omit<FhirResourceOf<P>, 'id' | 'meta'>
    : Omit<FhirResourceOf<P>, 'id' | 'meta'>;

/** What `PATCH /v1/{P}/{id}` takes: the object form (a merge of simplified fields), or RFC 6902 operations. */
export type UpdateInput<P extends ResourcePath> =
  | (P extends MappedResourcePath
      ? z.input<(typeof RESOURCE_SCHEMAS)[P]['update']>
      : P extends OtherResourcePath
        ? // Written in place rather than as a helper type, so the public type names only what is exported.
          (typeof OTHER_RESOURCE_SCHEMAS)[P] extends { update: z.ZodMiniType }
          ? z.input<(typeof OTHER_RESOURCE_SCHEMAS)[P]['update']>
          : never
        : Partial<FhirResourceOf<P>>)
  | JsonPatch;

/** What the API answers with for one record of `P`: the FHIR resource, except patients (the simplified summary). */
export type ResourceOf<P extends ResourcePath> = P extends 'patients' ? PatientSummary : FhirResourceOf<P>;

const referenceFieldCache = new Map<string, readonly ReferenceField[]>();

/**
 * The reference fields of a path's simplified create or update shape (what each may point at, see `references.ts`);
 * empty when the path has no such shape. Walked once per path and form.
 */
export function requestReferenceFields(path: string, form: 'create' | 'update'): readonly ReferenceField[] {
  const schema = schemasOf(path)?.[form];
  if (!schema) return [];
  const key = `${form}:${path}`;
  let fields = referenceFieldCache.get(key);
  if (!fields) {
    fields = referenceFieldsOf(schema);
    referenceFieldCache.set(key, fields);
  }
  return fields;
}
