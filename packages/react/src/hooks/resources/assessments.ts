'use client';
/** The hooks of `assessments`: assessments, answered as FHIR `ClinicalImpression`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One assessment by id; `undefined` waits for an id. */
export const useAssessment = /* @__PURE__ */ oneHook('assessments');
/** One page of assessments matching the search, e.g. `useAssessments({ patientId })`. */
export const useAssessments = /* @__PURE__ */ searchHook('assessments');
/** Every page of assessments matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteAssessments = /* @__PURE__ */ infiniteSearchHook('assessments');
/** Creates an assessment; retries never create it twice. */
export const useCreateAssessment = /* @__PURE__ */ createHook('assessments');
/** Updates an assessment if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateAssessment = /* @__PURE__ */ updateHook('assessments');
/** Deletes an assessment, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteAssessment = /* @__PURE__ */ deleteHook('assessments');
