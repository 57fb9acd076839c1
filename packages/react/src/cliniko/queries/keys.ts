/**
 * Cliniko's query keys, as a hierarchy: `['cliniko', resource, 'list', params]`, `['cliniko', resource, 'detail',
 * id]`. A write invalidates the level it changed. Ids are strings in keys too, so a key never depends on a number.
 */
import { CLINIKO_KEY_ROOT } from '../client/binding.ts';

/** The Cliniko resources the hooks read; names as in Cliniko's paths. */
export type ClinikoResourceName =
  | 'users'
  | 'businesses'
  | 'practitioners'
  | 'appointment_types'
  | 'available_times'
  | 'next_available_time'
  | 'patients'
  | 'medical_alerts'
  | 'individual_appointments';

/** Every key of one resource. */
export function clinikoKeys<R extends ClinikoResourceName>(resource: R) {
  const all = [CLINIKO_KEY_ROOT, resource] as const;
  return {
    all,
    lists: () => [...all, 'list'] as const,
    list: (params: object) => [...all, 'list', params] as const,
    infinite: (params: object) => [...all, 'list', 'infinite', params] as const,
    details: () => [...all, 'detail'] as const,
    detail: (id: string) => [...all, 'detail', id] as const,
  };
}
