'use client';
/** The hooks of `immunizations`: immunizations, answered as FHIR `Immunization`. */
import { bindResourceHooks } from '../createResourceHooks.ts';

const [one, search, infiniteSearch, create, update, remove] = /* @__PURE__ */ bindResourceHooks('immunizations');

/** One immunization by id; `undefined` waits for an id. */
export const useImmunization = one;
/** One page of immunizations matching the search, e.g. `useImmunizations({ patientId })`. */
export const useImmunizations = search;
/** Every page of immunizations matching the search, loaded on demand with `fetchNextPage()`. */
export const useInfiniteImmunizations = infiniteSearch;
/** Creates an immunization; retries never create it twice. */
export const useCreateImmunization = create;
/** Updates an immunization if it is still at the version the user saw; a change made meanwhile is a conflict (409). */
export const useUpdateImmunization = update;
/** Deletes an immunization, removing it from cached lists at once and restoring it if the delete fails. */
export const useDeleteImmunization = remove;
