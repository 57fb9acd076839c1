'use client';
/** The hooks of `consents`: consents, answered as FHIR `Consent`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One consent by id; `undefined` waits for an id. */
export const useConsent = /* @__PURE__ */ oneHook('consents');
/** One page of consents matching the search, e.g. `useConsents({ patientId, status: 'active' })`. */
export const useConsents = /* @__PURE__ */ searchHook('consents');
/** Every page of consents matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteConsents = /* @__PURE__ */ infiniteSearchHook('consents');
/** Creates a consent; retries never create it twice. */
export const useCreateConsent = /* @__PURE__ */ createHook('consents');
/** Updates a consent if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateConsent = /* @__PURE__ */ updateHook('consents');
/** Deletes a consent, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteConsent = /* @__PURE__ */ deleteHook('consents');
