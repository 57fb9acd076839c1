'use client';
/** The hooks of `assessments`: assessments, answered as FHIR `ClinicalImpression`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('assessments');

/** One assessment by id; `undefined` waits for an id. */
export const useAssessment = one;
/** One page of assessments matching the search, e.g. `useAssessments({ patientId })`. */
export const useAssessments = search;
/** Every page of assessments matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteAssessments = infiniteSearch;
/** Creates an assessment; retries never create it twice. */
export const useCreateAssessment = create;
/** Updates an assessment if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateAssessment = update;
/** Deletes an assessment, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteAssessment = remove;
