'use client';
/** The hooks of `notes`: clinical notes, answered as FHIR `DocumentReference`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One clinical note by id; `undefined` waits for an id. */
export const useNote = /* @__PURE__ */ oneHook('notes');
/** One page of clinical notes matching the search, e.g. `useNotes({ patientId })`. */
export const useNotes = /* @__PURE__ */ searchHook('notes');
/** Every page of clinical notes matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteNotes = /* @__PURE__ */ infiniteSearchHook('notes');
/** Creates a clinical note; retries never create it twice. */
export const useCreateNote = /* @__PURE__ */ createHook('notes');
/** Updates a clinical note if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateNote = /* @__PURE__ */ updateHook('notes');
/** Deletes a clinical note, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteNote = /* @__PURE__ */ deleteHook('notes');
