'use client';
/** The hooks of `documents`: clinical documents, answered as FHIR `Composition`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('documents');

/** One clinical document by id; `undefined` waits for an id. */
export const useDocument = one;
/** One page of clinical documents matching the search, e.g. `useDocuments({ patientId })`. */
export const useDocuments = search;
/** Every page of clinical documents matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteDocuments = infiniteSearch;
/** Creates a clinical document; retries never create it twice. */
export const useCreateDocument = create;
/** Updates a clinical document if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateDocument = update;
/** Deletes a clinical document, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteDocument = remove;
