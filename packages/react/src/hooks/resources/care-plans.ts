'use client';
/** The hooks of `care-plans`: care plans, answered as FHIR `CarePlan`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('care-plans');

/** One care plan by id; `undefined` waits for an id. */
export const useCarePlan = one;
/** One page of care plans matching the search, e.g. `useCarePlans({ patientId, status: 'active' })`. */
export const useCarePlans = search;
/** Every page of care plans matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteCarePlans = infiniteSearch;
/** Creates a care plan; retries never create it twice. */
export const useCreateCarePlan = create;
/** Updates a care plan if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateCarePlan = update;
/** Deletes a care plan, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteCarePlan = remove;
