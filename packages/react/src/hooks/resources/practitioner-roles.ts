'use client';
/** The hooks of `practitioner-roles`: practitioner roles, answered as FHIR `PractitionerRole`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('practitioner-roles');

/** One practitioner role by id; `undefined` waits for an id. */
export const usePractitionerRole = one;
/** One page of practitioner roles matching the search, e.g. `usePractitionerRoles({ status: 'active' })`. */
export const usePractitionerRoles = search;
/** Every page of practitioner roles matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfinitePractitionerRoles = infiniteSearch;
/** Creates a practitioner role; retries never create it twice. */
export const useCreatePractitionerRole = create;
/** Updates a practitioner role if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdatePractitionerRole = update;
/** Deletes a practitioner role, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeletePractitionerRole = remove;
