'use client';
/** The hooks of `encounters`: encounters, answered as FHIR `Encounter`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One encounter by id; `undefined` waits for an id. */
export const useEncounter = /* @__PURE__ */ oneHook('encounters');
/** One page of encounters matching the search, e.g. `useEncounters({ patientId })`. */
export const useEncounters = /* @__PURE__ */ searchHook('encounters');
/** Every page of encounters matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteEncounters = /* @__PURE__ */ infiniteSearchHook('encounters');
/** Creates an encounter; retries never create it twice. */
export const useCreateEncounter = /* @__PURE__ */ createHook('encounters');
/** Updates an encounter if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateEncounter = /* @__PURE__ */ updateHook('encounters');
/** Deletes an encounter, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteEncounter = /* @__PURE__ */ deleteHook('encounters');
