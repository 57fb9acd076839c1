'use client';
/** The hooks of `immunizations`: immunizations, answered as FHIR `Immunization`. */
import { createHook, deleteHook, infiniteSearchHook, oneHook, searchHook, updateHook } from '../createResourceHooks.ts';

/** One immunization by id; `undefined` waits for an id. */
export const useImmunization = /* @__PURE__ */ oneHook('immunizations');
/** One page of immunizations matching the search, e.g. `useImmunizations({ patientId })`. */
export const useImmunizations = /* @__PURE__ */ searchHook('immunizations');
/** Every page of immunizations matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteImmunizations = /* @__PURE__ */ infiniteSearchHook('immunizations');
/** Creates an immunization; retries never create it twice. */
export const useCreateImmunization = /* @__PURE__ */ createHook('immunizations');
/** Updates an immunization if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateImmunization = /* @__PURE__ */ updateHook('immunizations');
/** Deletes an immunization, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteImmunization = /* @__PURE__ */ deleteHook('immunizations');
