'use client';
/** The hooks of `consents`: consents, answered as FHIR `Consent`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('consents');

/** One consent by id; `undefined` waits for an id. */
export const useConsent = one;
/** One page of consents matching the search, e.g. `useConsents({ patientId, status: 'active' })`. */
export const useConsents = search;
/** Every page of consents matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteConsents = infiniteSearch;
/** Creates a consent; retries never create it twice. */
export const useCreateConsent = create;
/** Updates a consent if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateConsent = update;
/** Deletes a consent, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteConsent = remove;
