'use client';
/** The hooks of `goals`: goals, answered as FHIR `Goal`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One goal by id; `undefined` waits for an id. */
export const useGoal = /* @__PURE__ */ oneHook('goals');
/** One page of goals matching the search, e.g. `useGoals({ patientId })`. */
export const useGoals = /* @__PURE__ */ searchHook('goals');
/** Every page of goals matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteGoals = /* @__PURE__ */ infiniteSearchHook('goals');
/** Creates a goal; retries never create it twice. */
export const useCreateGoal = /* @__PURE__ */ createHook('goals');
/** Updates a goal if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateGoal = /* @__PURE__ */ updateHook('goals');
/** Deletes a goal, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteGoal = /* @__PURE__ */ deleteHook('goals');
