'use client';
/** The hooks of `prescriptions`: prescriptions, answered as FHIR `MedicationRequest`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('prescriptions');

/** One prescription by id; `undefined` waits for an id. */
export const usePrescription = one;
/** One page of prescriptions matching the search, e.g. `usePrescriptions({ patientId, status: 'active' })`. */
export const usePrescriptions = search;
/** Every page of prescriptions matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfinitePrescriptions = infiniteSearch;
/** Creates a prescription; retries never create it twice. */
export const useCreatePrescription = create;
/** Updates a prescription if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdatePrescription = update;
/** Deletes a prescription, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeletePrescription = remove;
