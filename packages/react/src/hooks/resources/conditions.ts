'use client';
/** The hooks of `conditions`: conditions, answered as FHIR `Condition`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One condition by id; `undefined` waits for an id. */
export const useCondition = /* @__PURE__ */ oneHook('conditions');
/** One page of conditions matching the search, e.g. `useConditions({ patientId, clinicalStatus: 'active' })`. */
export const useConditions = /* @__PURE__ */ searchHook('conditions');
/** Every page of conditions matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteConditions = /* @__PURE__ */ infiniteSearchHook('conditions');
/** Creates a condition; retries never create it twice. */
export const useCreateCondition = /* @__PURE__ */ createHook('conditions');
/** Updates a condition if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateCondition = /* @__PURE__ */ updateHook('conditions');
/** Deletes a condition, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteCondition = /* @__PURE__ */ deleteHook('conditions');
