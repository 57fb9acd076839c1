/** How a resource path translates between its simplified request shapes and the stored FHIR resource. */
import type { Resource } from '@clinikapi/core';
import type * as z from 'zod/mini';
import type { StoredResource } from '../store/types.ts';

export interface MappingContext {
  /** The request time (ISO), for fields that default to "now". */
  readonly now: string;
}

/** A path with simplified request shapes: every catalogue path. */
export interface SimplifiedMapping<Input = unknown> {
  /** Validates `POST` bodies, and each record after a simplified update is merged. */
  readonly createSchema: z.ZodMiniType<Input>;
  /** Validates the object form of `PATCH` bodies; absent on the paths that cannot be changed. */
  readonly updateSchema?: z.ZodMiniType | undefined;
  /** The simplified field that names the patient, for error paths (`patientId`). */
  readonly patientField?: string;
  /** The FHIR resource (without id and meta) for a validated body. */
  toFhir(input: Input, context: MappingContext): Resource;
  /** The simplified fields of a stored resource: the inverse of `toFhir`. */
  fromFhir(resource: Resource): Record<string, unknown>;
  /** What the API answers with; the FHIR resource unless given. */
  present?(stored: StoredResource): unknown;
}

/** Declares a simplified mapping, typing `toFhir` by its schema's output. */
export function defineMapping<S extends z.ZodMiniType>(mapping: {
  createSchema: S;
  updateSchema: z.ZodMiniType;
  patientField?: string;
  toFhir(input: z.output<S>, context: MappingContext): Resource;
  fromFhir(resource: Resource): Record<string, unknown>;
  present?(stored: StoredResource): unknown;
}): SimplifiedMapping {
  return { patientField: 'patientId', ...mapping } as SimplifiedMapping;
}
