/**
 * Which resource paths have simplified request shapes, and the types every layer derives from that: what a create
 * takes, what an update takes, and what the API answers with. Paths without a mapping take and return their FHIR
 * resource as JSON.
 */
import type { z } from 'zod';
import type { ResourcePath } from '../catalogue.ts';
import type { FhirResourceOf } from '../fhir.ts';
import type { JsonPatch } from '../json-patch.ts';
import { patientCreateSchema, patientUpdateSchema, type PatientSummary } from './patient.ts';

export interface ResourceSchemas {
  /** Validates `POST /v1/{path}` bodies. */
  readonly create: z.ZodType;
  /** Validates the object form of `PATCH /v1/{path}/{id}` bodies. */
  readonly update: z.ZodType;
}

/** The simplified request schemas, keyed by path. */
export const RESOURCE_SCHEMAS = {
  patients: { create: patientCreateSchema, update: patientUpdateSchema },
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
