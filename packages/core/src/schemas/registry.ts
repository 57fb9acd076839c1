/**
 * Which resource paths have simplified request shapes, and the types every layer derives from that: what a create
 * takes, what an update takes, and what the API answers with. Paths without a mapping take and return their FHIR
 * resource as JSON.
 */
import type * as z from 'zod/mini';
import type { ResourcePath } from '../catalogue.ts';
import type { FhirResourceOf } from '../fhir.ts';
import type { JsonPatch } from '../json-patch.ts';
import { allergyCreateSchema, allergyUpdateSchema } from './allergy.ts';
import { appointmentCreateSchema, appointmentUpdateSchema } from './appointment.ts';
import { assessmentCreateSchema, assessmentUpdateSchema } from './assessment.ts';
import { carePlanCreateSchema, carePlanUpdateSchema } from './care-plan.ts';
import { conditionCreateSchema, conditionUpdateSchema } from './condition.ts';
import { consentCreateSchema, consentUpdateSchema } from './consent.ts';
import { documentCreateSchema, documentUpdateSchema } from './document.ts';
import { encounterCreateSchema, encounterUpdateSchema } from './encounter.ts';
import { goalCreateSchema, goalUpdateSchema } from './goal.ts';
import { immunizationCreateSchema, immunizationUpdateSchema } from './immunization.ts';
import { intakeCreateSchema, intakeUpdateSchema } from './intake.ts';
import { labCreateSchema, labUpdateSchema } from './lab.ts';
import { medicationCreateSchema, medicationUpdateSchema } from './medication.ts';
import { noteCreateSchema, noteUpdateSchema } from './note.ts';
import { observationCreateSchema, observationUpdateSchema } from './observation.ts';
import { patientCreateSchema, patientUpdateSchema, type PatientSummary } from './patient.ts';
import { practitionerRoleCreateSchema, practitionerRoleUpdateSchema } from './practitioner-role.ts';
import { practitionerCreateSchema, practitionerUpdateSchema } from './practitioner.ts';
import { prescriptionCreateSchema, prescriptionUpdateSchema } from './prescription.ts';
import { referenceFieldsOf, type ReferenceField } from './references.ts';

export interface ResourceSchemas {
  /** Validates `POST /v1/{path}` bodies. */
  readonly create: z.ZodMiniType;
  /** Validates the object form of `PATCH /v1/{path}/{id}` bodies. */
  readonly update: z.ZodMiniType;
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

/** A path with simplified request shapes. */
export type MappedResourcePath = keyof typeof RESOURCE_SCHEMAS;

/** True when `path` has simplified request shapes. */
export function hasSimplifiedSchemas(path: string): path is MappedResourcePath {
  return Object.hasOwn(RESOURCE_SCHEMAS, path);
}

/** What `POST /v1/{P}` takes. */
export type CreateInput<P extends ResourcePath> = P extends MappedResourcePath
  ? z.input<(typeof RESOURCE_SCHEMAS)[P]['create']>
  : Omit<FhirResourceOf<P>, 'id' | 'meta'>;

/** What `PATCH /v1/{P}/{id}` takes: the object form (a merge), or RFC 6902 operations. */
export type UpdateInput<P extends ResourcePath> =
  | (P extends MappedResourcePath ? z.input<(typeof RESOURCE_SCHEMAS)[P]['update']> : Partial<FhirResourceOf<P>>)
  | JsonPatch;

/** What the API answers with for one record of `P`: the FHIR resource, except patients (the simplified summary). */
export type ResourceOf<P extends ResourcePath> = P extends 'patients' ? PatientSummary : FhirResourceOf<P>;

const referenceFieldCache = new Map<string, readonly ReferenceField[]>();

/**
 * The reference fields of a path's simplified create or update shape (what each may point at, see `references.ts`);
 * empty for paths that take FHIR JSON. Walked once per path and form.
 */
export function requestReferenceFields(path: string, form: 'create' | 'update'): readonly ReferenceField[] {
  if (!hasSimplifiedSchemas(path)) return [];
  const key = `${form}:${path}`;
  let fields = referenceFieldCache.get(key);
  if (!fields) {
    fields = referenceFieldsOf(RESOURCE_SCHEMAS[path][form]);
    referenceFieldCache.set(key, fields);
  }
  return fields;
}
