'use client';
/** The hooks of `observations`: observations, answered as FHIR `Observation`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One observation by id; `undefined` waits for an id. */
export const useObservation = /* @__PURE__ */ oneHook('observations');
/** One page of observations matching the search, e.g. `useObservations({ patientId, sort: '-date' })`. */
export const useObservations = /* @__PURE__ */ searchHook('observations');
/** Every page of observations matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteObservations = /* @__PURE__ */ infiniteSearchHook('observations');
/** Creates an observation; retries never create it twice. */
export const useCreateObservation = /* @__PURE__ */ createHook('observations');
/** Updates an observation if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateObservation = /* @__PURE__ */ updateHook('observations');
/** Deletes an observation, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteObservation = /* @__PURE__ */ deleteHook('observations');
