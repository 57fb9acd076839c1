/** The resource paths that have a simplified mapping. */
import type { ResourceMapping } from './mapping.ts';
import { patientMapping } from './patients.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry is typed at its definition
export const RESOURCE_MAPPINGS: Readonly<Record<string, ResourceMapping<any, any>>> = {
  patients: patientMapping,
};
