'use client';
/** The hooks of `observations`: observations, answered as FHIR `Observation`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('observations');

/** One observation by id; `undefined` waits for an id. */
export const useObservation = one;
/** One page of observations matching the search, e.g. `useObservations({ patientId, sort: '-date' })`. */
export const useObservations = search;
/** Every page of observations matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteObservations = infiniteSearch;
/** Creates an observation; retries never create it twice. */
export const useCreateObservation = create;
/** Updates an observation if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateObservation = update;
/** Deletes an observation, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteObservation = remove;
