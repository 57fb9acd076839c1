'use client';
/** The hooks of `medications`: medications, answered as FHIR `Medication`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('medications');

/** One medication by id; `undefined` waits for an id. */
export const useMedication = one;
/** One page of medications matching the search, e.g. `useMedications({ status: 'active' })`. */
export const useMedications = search;
/** Every page of medications matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteMedications = infiniteSearch;
/** Creates a medication; retries never create it twice. */
export const useCreateMedication = create;
/** Updates a medication if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateMedication = update;
/** Deletes a medication, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteMedication = remove;
