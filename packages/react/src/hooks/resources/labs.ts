'use client';
/** The hooks of `labs`: lab reports, answered as FHIR `DiagnosticReport`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('labs');

/** One lab report by id; `undefined` waits for an id. */
export const useLab = one;
/** One page of lab reports matching the search, e.g. `useLabs({ patientId, sort: '-date' })`. */
export const useLabs = search;
/** Every page of lab reports matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteLabs = infiniteSearch;
/** Creates a lab report; retries never create it twice. */
export const useCreateLab = create;
/** Updates a lab report if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateLab = update;
/** Deletes a lab report, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteLab = remove;
