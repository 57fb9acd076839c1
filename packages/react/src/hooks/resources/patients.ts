'use client';
/** The hooks of `patients`: patients, answered as `PatientSummary`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One patient by id; `undefined` waits for an id. */
export const usePatient = /* @__PURE__ */ oneHook('patients');
/** One page of patients matching the search, e.g. `usePatients({ name: 'okafor' })`. */
export const usePatients = /* @__PURE__ */ searchHook('patients');
/** Every page of patients matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfinitePatients = /* @__PURE__ */ infiniteSearchHook('patients');
/** Creates a patient; retries never create it twice. */
export const useCreatePatient = /* @__PURE__ */ createHook('patients');
/** Updates a patient if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdatePatient = /* @__PURE__ */ updateHook('patients');
/** Deletes a patient, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeletePatient = /* @__PURE__ */ deleteHook('patients');
