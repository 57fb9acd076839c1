'use client';
/** The hooks of `allergies`: allergies and intolerances, answered as FHIR `AllergyIntolerance`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One allergy or intolerance by id; `undefined` waits for an id. */
export const useAllergy = /* @__PURE__ */ oneHook('allergies');
/** One page of allergies and intolerances matching the search, e.g. `useAllergies({ patientId })`. */
export const useAllergies = /* @__PURE__ */ searchHook('allergies');
/** Every page of allergies and intolerances matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteAllergies = /* @__PURE__ */ infiniteSearchHook('allergies');
/** Creates an allergy or intolerance; retries never create it twice. */
export const useCreateAllergy = /* @__PURE__ */ createHook('allergies');
/** Updates an allergy or intolerance if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateAllergy = /* @__PURE__ */ updateHook('allergies');
/** Deletes an allergy or intolerance, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteAllergy = /* @__PURE__ */ deleteHook('allergies');
