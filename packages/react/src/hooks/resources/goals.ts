'use client';
/** The hooks of `goals`: goals, answered as FHIR `Goal`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('goals');

/** One goal by id; `undefined` waits for an id. */
export const useGoal = one;
/** One page of goals matching the search, e.g. `useGoals({ patientId })`. */
export const useGoals = search;
/** Every page of goals matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteGoals = infiniteSearch;
/** Creates a goal; retries never create it twice. */
export const useCreateGoal = create;
/** Updates a goal if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateGoal = update;
/** Deletes a goal, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteGoal = remove;
