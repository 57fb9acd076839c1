'use client';
/** The hooks of `intakes`: intakes, answered as FHIR `QuestionnaireResponse`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('intakes');

/** One intake (questionnaire response) by id; `undefined` waits for an id. */
export const useIntake = one;
/** One page of intakes matching the search, e.g. `useIntakes({ patientId })`. */
export const useIntakes = search;
/** Every page of intakes matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteIntakes = infiniteSearch;
/** Creates an intake (questionnaire response); retries never create it twice. */
export const useCreateIntake = create;
/** Updates an intake (questionnaire response) if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateIntake = update;
/** Deletes an intake (questionnaire response), removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteIntake = remove;
