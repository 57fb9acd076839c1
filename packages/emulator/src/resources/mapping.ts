/** How a resource path translates between its simplified request shapes and the stored FHIR resource. */
import type { Resource } from '@clinikapi/core';
import type { z } from 'zod';
import type { StoredResource } from '../store/types.ts';

export interface ResourceMapping<Create, Update> {
  /** Validates `POST` bodies. */
  readonly createSchema: z.ZodType<Create>;
  /** Validates the object form of `PATCH` bodies. */
  readonly updateSchema: z.ZodType<Update>;
  /** The FHIR resource (without id and meta) for a validated create body. */
  toFhir(input: Create): Resource;
  /** The FHIR resource after applying a validated update to the stored one. */
  merge(existing: Resource, changes: Update): Resource;
  /** What the API answers with for a stored record: the FHIR resource, or a simplified summary. */
  present(stored: StoredResource): unknown;
}
