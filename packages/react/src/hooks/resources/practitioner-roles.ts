'use client';
/** The hooks of `practitioner-roles`: practitioner roles, answered as FHIR `PractitionerRole`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One practitioner role by id; `undefined` waits for an id. */
export const usePractitionerRole = /* @__PURE__ */ oneHook('practitioner-roles');
/** One page of practitioner roles matching the search, e.g. `usePractitionerRoles({ status: 'active' })`. */
export const usePractitionerRoles = /* @__PURE__ */ searchHook('practitioner-roles');
/** Every page of practitioner roles matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfinitePractitionerRoles = /* @__PURE__ */ infiniteSearchHook('practitioner-roles');
/** Creates a practitioner role; retries never create it twice. */
export const useCreatePractitionerRole = /* @__PURE__ */ createHook('practitioner-roles');
/** Updates a practitioner role if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdatePractitionerRole = /* @__PURE__ */ updateHook('practitioner-roles');
/** Deletes a practitioner role, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeletePractitionerRole = /* @__PURE__ */ deleteHook('practitioner-roles');
