'use client';
/** The hooks of `practitioners`: practitioners, answered as FHIR `Practitioner`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('practitioners');

/** One practitioner by id; `undefined` waits for an id. */
export const usePractitioner = one;
/** One page of practitioners matching the search, e.g. `usePractitioners({ name: 'osei' })`. */
export const usePractitioners = search;
/** Every page of practitioners matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfinitePractitioners = infiniteSearch;
/** Creates a practitioner; retries never create it twice. */
export const useCreatePractitioner = create;
/** Updates a practitioner if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdatePractitioner = update;
/** Deletes a practitioner, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeletePractitioner = remove;
