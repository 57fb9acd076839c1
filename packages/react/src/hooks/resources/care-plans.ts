'use client';
/** The hooks of `care-plans`: care plans, answered as FHIR `CarePlan`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One care plan by id; `undefined` waits for an id. */
export const useCarePlan = /* @__PURE__ */ oneHook('care-plans');
/** One page of care plans matching the search, e.g. `useCarePlans({ patientId, status: 'active' })`. */
export const useCarePlans = /* @__PURE__ */ searchHook('care-plans');
/** Every page of care plans matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteCarePlans = /* @__PURE__ */ infiniteSearchHook('care-plans');
/** Creates a care plan; retries never create it twice. */
export const useCreateCarePlan = /* @__PURE__ */ createHook('care-plans');
/** Updates a care plan if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateCarePlan = /* @__PURE__ */ updateHook('care-plans');
/** Deletes a care plan, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteCarePlan = /* @__PURE__ */ deleteHook('care-plans');
