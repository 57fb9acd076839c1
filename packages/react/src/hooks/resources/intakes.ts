'use client';
/** The hooks of `intakes`: intakes, answered as FHIR `QuestionnaireResponse`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One intake (questionnaire response) by id; `undefined` waits for an id. */
export const useIntake = /* @__PURE__ */ oneHook('intakes');
/** One page of intakes matching the search, e.g. `useIntakes({ patientId })`. */
export const useIntakes = /* @__PURE__ */ searchHook('intakes');
/** Every page of intakes matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteIntakes = /* @__PURE__ */ infiniteSearchHook('intakes');
/** Creates an intake (questionnaire response); retries never create it twice. */
export const useCreateIntake = /* @__PURE__ */ createHook('intakes');
/** Updates an intake (questionnaire response) if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateIntake = /* @__PURE__ */ updateHook('intakes');
/** Deletes an intake (questionnaire response), removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteIntake = /* @__PURE__ */ deleteHook('intakes');
