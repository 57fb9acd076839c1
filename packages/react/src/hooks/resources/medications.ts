'use client';
/** The hooks of `medications`: medications, answered as FHIR `Medication`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One medication by id; `undefined` waits for an id. */
export const useMedication = /* @__PURE__ */ oneHook('medications');
/** One page of medications matching the search, e.g. `useMedications({ status: 'active' })`. */
export const useMedications = /* @__PURE__ */ searchHook('medications');
/** Every page of medications matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteMedications = /* @__PURE__ */ infiniteSearchHook('medications');
/** Creates a medication; retries never create it twice. */
export const useCreateMedication = /* @__PURE__ */ createHook('medications');
/** Updates a medication if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateMedication = /* @__PURE__ */ updateHook('medications');
/** Deletes a medication, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteMedication = /* @__PURE__ */ deleteHook('medications');
