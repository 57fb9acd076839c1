'use client';
/** The hooks of `notes`: clinical notes, answered as FHIR `DocumentReference`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('notes');

/** One clinical note by id; `undefined` waits for an id. */
export const useNote = one;
/** One page of clinical notes matching the search, e.g. `useNotes({ patientId })`. */
export const useNotes = search;
/** Every page of clinical notes matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteNotes = infiniteSearch;
/** Creates a clinical note; retries never create it twice. */
export const useCreateNote = create;
/** Updates a clinical note if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateNote = update;
/** Deletes a clinical note, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteNote = remove;
