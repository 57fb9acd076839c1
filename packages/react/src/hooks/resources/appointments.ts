'use client';
/** The hooks of `appointments`: appointments, answered as FHIR `Appointment`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('appointments');

/** One appointment by id; `undefined` waits for an id. */
export const useAppointment = one;
/** One page of appointments matching the search, e.g. `useAppointments({ patientId, dateFrom })`. */
export const useAppointments = search;
/** Every page of appointments matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteAppointments = infiniteSearch;
/** Creates an appointment; retries never create it twice. */
export const useCreateAppointment = create;
/** Updates an appointment if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateAppointment = update;
/** Deletes an appointment, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteAppointment = remove;
