'use client';
/** The hooks of `patients`: patients, answered as `PatientSummary`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('patients');

/** One patient by id; `undefined` waits for an id. */
export const usePatient = one;
/** One page of patients matching the search, e.g. `usePatients({ name: 'okafor' })`. */
export const usePatients = search;
/** Every page of patients matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfinitePatients = infiniteSearch;
/** Creates a patient; retries never create it twice. */
export const useCreatePatient = create;
/** Updates a patient if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdatePatient = update;
/** Deletes a patient, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeletePatient = remove;
