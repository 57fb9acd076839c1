'use client';
/** The hooks of `appointments`: appointments, answered as FHIR `Appointment`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One appointment by id; `undefined` waits for an id. */
export const useAppointment = /* @__PURE__ */ oneHook('appointments');
/** One page of appointments matching the search, e.g. `useAppointments({ patientId, dateFrom })`. */
export const useAppointments = /* @__PURE__ */ searchHook('appointments');
/** Every page of appointments matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteAppointments = /* @__PURE__ */ infiniteSearchHook('appointments');
/** Creates an appointment; retries never create it twice. */
export const useCreateAppointment = /* @__PURE__ */ createHook('appointments');
/** Updates an appointment if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateAppointment = /* @__PURE__ */ updateHook('appointments');
/** Deletes an appointment, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteAppointment = /* @__PURE__ */ deleteHook('appointments');
