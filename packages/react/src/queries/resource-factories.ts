/**
 * The query-options factories of the 19 resources the widgets use, one per path. Every other path has the same
 * factory through `resourceQueries(path)`.
 */
import { resourceKeys } from './keys.ts';
import { resourceQueries } from './resource-queries.ts';

export const patientQueries = /* @__PURE__ */ resourceQueries('patients');
/**
 * The key factory of patients: the same keys as `patientQueries.keys`, built by its own pure call so that an app
 * importing neither keeps neither (reading a property of `patientQueries` is not something a bundler can drop).
 */
export const patientKeys = /* @__PURE__ */ resourceKeys('patients');
export const practitionerQueries = /* @__PURE__ */ resourceQueries('practitioners');
export const practitionerRoleQueries = /* @__PURE__ */ resourceQueries('practitioner-roles');
export const encounterQueries = /* @__PURE__ */ resourceQueries('encounters');
export const observationQueries = /* @__PURE__ */ resourceQueries('observations');
export const medicationQueries = /* @__PURE__ */ resourceQueries('medications');
export const prescriptionQueries = /* @__PURE__ */ resourceQueries('prescriptions');
export const appointmentQueries = /* @__PURE__ */ resourceQueries('appointments');
export const intakeQueries = /* @__PURE__ */ resourceQueries('intakes');
export const consentQueries = /* @__PURE__ */ resourceQueries('consents');
export const labQueries = /* @__PURE__ */ resourceQueries('labs');
export const noteQueries = /* @__PURE__ */ resourceQueries('notes');
export const assessmentQueries = /* @__PURE__ */ resourceQueries('assessments');
export const documentQueries = /* @__PURE__ */ resourceQueries('documents');
export const conditionQueries = /* @__PURE__ */ resourceQueries('conditions');
export const allergyQueries = /* @__PURE__ */ resourceQueries('allergies');
export const immunizationQueries = /* @__PURE__ */ resourceQueries('immunizations');
export const carePlanQueries = /* @__PURE__ */ resourceQueries('care-plans');
export const goalQueries = /* @__PURE__ */ resourceQueries('goals');
