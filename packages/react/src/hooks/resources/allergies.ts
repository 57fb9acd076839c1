'use client';
/** The hooks of `allergies`: allergies and intolerances, answered as FHIR `AllergyIntolerance`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('allergies');

/** One allergy or intolerance by id; `undefined` waits for an id. */
export const useAllergy = one;
/** One page of allergies and intolerances matching the search, e.g. `useAllergies({ patientId })`. */
export const useAllergies = search;
/** Every page of allergies and intolerances matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteAllergies = infiniteSearch;
/** Creates an allergy or intolerance; retries never create it twice. */
export const useCreateAllergy = create;
/** Updates an allergy or intolerance if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateAllergy = update;
/** Deletes an allergy or intolerance, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteAllergy = remove;
