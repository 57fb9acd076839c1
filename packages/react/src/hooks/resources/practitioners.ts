'use client';
/** The hooks of `practitioners`: practitioners, answered as FHIR `Practitioner`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One practitioner by id; `undefined` waits for an id. */
export const usePractitioner = /* @__PURE__ */ oneHook('practitioners');
/** One page of practitioners matching the search, e.g. `usePractitioners({ name: 'osei' })`. */
export const usePractitioners = /* @__PURE__ */ searchHook('practitioners');
/** Every page of practitioners matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfinitePractitioners = /* @__PURE__ */ infiniteSearchHook('practitioners');
/** Creates a practitioner; retries never create it twice. */
export const useCreatePractitioner = /* @__PURE__ */ createHook('practitioners');
/** Updates a practitioner if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdatePractitioner = /* @__PURE__ */ updateHook('practitioners');
/** Deletes a practitioner, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeletePractitioner = /* @__PURE__ */ deleteHook('practitioners');
