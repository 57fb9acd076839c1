'use client';
/** The hooks of `encounters`: encounters, answered as FHIR `Encounter`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('encounters');

/** One encounter by id; `undefined` waits for an id. */
export const useEncounter = one;
/** One page of encounters matching the search, e.g. `useEncounters({ patientId })`. */
export const useEncounters = search;
/** Every page of encounters matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteEncounters = infiniteSearch;
/** Creates an encounter; retries never create it twice. */
export const useCreateEncounter = create;
/** Updates an encounter if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateEncounter = update;
/** Deletes an encounter, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteEncounter = remove;
