/**
 * Query keys, as a hierarchy: `['clinikapi', path, 'detail', id]`, `['clinikapi', path, 'search', params]`. A
 * mutation invalidates exactly the level it changed — one record, one path's searches — and nothing of other paths.
 */
import type { PageParams, PatientSearchParams, ResourcePath } from '@clinikapi/core';
import { CLINIK_KEY_ROOT } from '../client/query-client-binding.ts';

/** A query-string value of a search. */
export type SearchValue = string | number | boolean | undefined;

/** Search parameters of the resource paths other than patients (see the catalogue's `searchParams` per path). */
export interface ResourceSearchParams extends PageParams {
  /** Records of this patient only. */
  readonly patientId?: string;
  readonly status?: string;
  /** Inclusive lower bound of the resource's main date, `YYYY-MM-DD` or an ISO date-time. */
  readonly dateFrom?: string;
  /** Inclusive upper bound of the resource's main date. */
  readonly dateTo?: string;
  /** Sort field; prefix `-` for descending, e.g. `-date`. */
  readonly sort?: string;
  /** Any other search parameter the path accepts. */
  readonly [param: string]: SearchValue;
}

/** What `GET /v1/{P}` takes: `PatientSearchParams` for patients, `ResourceSearchParams` otherwise. */
export type SearchParamsOf<P extends ResourcePath> = P extends 'patients' ? PatientSearchParams : ResourceSearchParams;

/** Search parameters for an infinite list: the cursor is the list's own business. */
export type InfiniteSearchParamsOf<P extends ResourcePath> = SearchParamsOf<P> & { readonly cursor?: never };

/** Every key this library uses starts with this. */
export const clinikKeys = { all: [CLINIK_KEY_ROOT] as const };

/** The key factory of one resource path. */
export function resourceKeys<P extends ResourcePath>(path: P) {
  const all = [CLINIK_KEY_ROOT, path] as const;
  return {
    /** Every query of this path. */
    all,
    /** Every search of this path, paged and infinite. */
    searches: () => [...all, 'search'] as const,
    search: (params: SearchParamsOf<P>) => [...all, 'search', params] as const,
    infiniteSearch: (params: InfiniteSearchParamsOf<P>) => [...all, 'search', 'infinite', params] as const,
    /** Every single-record read of this path. */
    details: () => [...all, 'detail'] as const,
    detail: (id: string) => [...all, 'detail', id] as const,
  };
}

/** The key factory of `resourceKeys(path)`. */
export type ResourceKeys<P extends ResourcePath> = ReturnType<typeof resourceKeys<P>>;

/** Keys of `usePatientRecord`: under the patient's own keys, so invalidating a patient reaches its records too. */
export const patientRecordKeys = {
  all: [CLINIK_KEY_ROOT, 'patients', 'record'] as const,
  /** Every record query of one patient, whatever it includes. */
  patient: (id: string) => [...patientRecordKeys.all, id] as const,
  record: (id: string, include: readonly string[]) => [...patientRecordKeys.all, id, { include: [...include].sort() }] as const,
};

/** Keys of mutations, so `useIsMutating({ mutationKey })` can watch one path's writes. */
export function mutationKeys<P extends ResourcePath>(path: P) {
  return {
    create: [CLINIK_KEY_ROOT, path, 'create'] as const,
    update: [CLINIK_KEY_ROOT, path, 'update'] as const,
    delete: [CLINIK_KEY_ROOT, path, 'delete'] as const,
  };
}
