'use client';
/** The hooks of `documents`: clinical documents, answered as FHIR `Composition`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One clinical document by id; `undefined` waits for an id. */
export const useDocument = /* @__PURE__ */ oneHook('documents');
/** One page of clinical documents matching the search, e.g. `useDocuments({ patientId })`. */
export const useDocuments = /* @__PURE__ */ searchHook('documents');
/** Every page of clinical documents matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteDocuments = /* @__PURE__ */ infiniteSearchHook('documents');
/** Creates a clinical document; retries never create it twice. */
export const useCreateDocument = /* @__PURE__ */ createHook('documents');
/** Updates a clinical document if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateDocument = /* @__PURE__ */ updateHook('documents');
/** Deletes a clinical document, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteDocument = /* @__PURE__ */ deleteHook('documents');
