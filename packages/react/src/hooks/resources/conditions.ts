'use client';
/** The hooks of `conditions`: conditions, answered as FHIR `Condition`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('conditions');

/** One condition by id; `undefined` waits for an id. */
export const useCondition = one;
/** One page of conditions matching the search, e.g. `useConditions({ patientId, clinicalStatus: 'active' })`. */
export const useConditions = search;
/** Every page of conditions matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteConditions = infiniteSearch;
/** Creates a condition; retries never create it twice. */
export const useCreateCondition = create;
/** Updates a condition if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateCondition = update;
/** Deletes a condition, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteCondition = remove;
