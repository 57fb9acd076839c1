'use client';
/** The hooks of `labs`: lab reports, answered as FHIR `DiagnosticReport`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One lab report by id; `undefined` waits for an id. */
export const useLab = /* @__PURE__ */ oneHook('labs');
/** One page of lab reports matching the search, e.g. `useLabs({ patientId, sort: '-date' })`. */
export const useLabs = /* @__PURE__ */ searchHook('labs');
/** Every page of lab reports matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteLabs = /* @__PURE__ */ infiniteSearchHook('labs');
/** Creates a lab report; retries never create it twice. */
export const useCreateLab = /* @__PURE__ */ createHook('labs');
/** Updates a lab report if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateLab = /* @__PURE__ */ updateHook('labs');
/** Deletes a lab report, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteLab = /* @__PURE__ */ deleteHook('labs');
