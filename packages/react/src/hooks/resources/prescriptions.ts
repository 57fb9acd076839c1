'use client';
/** The hooks of `prescriptions`: prescriptions, answered as FHIR `MedicationRequest`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One prescription by id; `undefined` waits for an id. */
export const usePrescription = /* @__PURE__ */ oneHook('prescriptions');
/** One page of prescriptions matching the search, e.g. `usePrescriptions({ patientId, status: 'active' })`. */
export const usePrescriptions = /* @__PURE__ */ searchHook('prescriptions');
/** Every page of prescriptions matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfinitePrescriptions = /* @__PURE__ */ infiniteSearchHook('prescriptions');
/** Creates a prescription; retries never create it twice. */
export const useCreatePrescription = /* @__PURE__ */ createHook('prescriptions');
/** Updates a prescription if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdatePrescription = /* @__PURE__ */ updateHook('prescriptions');
/** Deletes a prescription, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeletePrescription = /* @__PURE__ */ deleteHook('prescriptions');
