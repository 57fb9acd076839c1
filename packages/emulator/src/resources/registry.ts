/** Which mapping each of the 62 paths uses: the 19 the widgets use, and the other 43 of the contract. */
import { hasSimplifiedSchemas, type MappedResourcePath, type OtherResourcePath } from '@clinikapi/core';
import type { SimplifiedMapping } from './mapping.ts';
import { allergyMapping } from './mappings/allergies.ts';
import { appointmentMapping } from './mappings/appointments.ts';
import { assessmentMapping } from './mappings/assessments.ts';
import {
  accountMapping,
  chargeItemMapping,
  invoiceMapping,
  paymentNoticeMapping,
  paymentReconciliationMapping,
} from './mappings/billing.ts';
import { carePlanMapping } from './mappings/care-plans.ts';
import {
  careTeamMapping,
  deviceMapping,
  deviceUseStatementMapping,
  familyHistoryMapping,
  imagingStudyMapping,
  mediaMapping,
  riskAssessmentMapping,
  specimenMapping,
} from './mappings/clinical.ts';
import { conditionMapping } from './mappings/conditions.ts';
import { consentMapping } from './mappings/consents.ts';
import {
  activityDefinitionMapping,
  auditEventMapping,
  measureMapping,
  measureReportMapping,
  planDefinitionMapping,
} from './mappings/definitions.ts';
import { healthcareServiceMapping, locationMapping, organizationMapping, personMapping } from './mappings/directory.ts';
import { documentMapping } from './mappings/documents.ts';
import { encounterMapping } from './mappings/encounters.ts';
import { goalMapping } from './mappings/goals.ts';
import { immunizationMapping } from './mappings/immunizations.ts';
import {
  claimMapping,
  claimResponseMapping,
  coverageMapping,
  eligibilityRequestMapping,
  eligibilityResponseMapping,
  enrollmentRequestMapping,
  enrollmentResponseMapping,
  eobMapping,
} from './mappings/insurance.ts';
import { intakeMapping } from './mappings/intakes.ts';
import { labMapping } from './mappings/labs.ts';
import {
  immunizationEvaluationMapping,
  immunizationRecommendationMapping,
  medicationDispenseMapping,
  medicationKnowledgeMapping,
  medicationStatementMapping,
  visionPrescriptionMapping,
} from './mappings/medication-records.ts';
import { medicationMapping } from './mappings/medications.ts';
import { noteMapping } from './mappings/notes.ts';
import { observationMapping } from './mappings/observations.ts';
import { patientMapping } from './mappings/patients.ts';
import { practitionerRoleMapping } from './mappings/practitioner-roles.ts';
import { practitionerMapping } from './mappings/practitioners.ts';
import { prescriptionMapping } from './mappings/prescriptions.ts';
import { appointmentResponseMapping, scheduleMapping, slotMapping } from './mappings/scheduling.ts';
import { deviceRequestMapping, nutritionOrderMapping, serviceRequestMapping, taskMapping } from './mappings/workflow.ts';

export const SIMPLIFIED_MAPPINGS: Readonly<Record<MappedResourcePath, SimplifiedMapping>> = {
  patients: patientMapping,
  practitioners: practitionerMapping,
  'practitioner-roles': practitionerRoleMapping,
  encounters: encounterMapping,
  observations: observationMapping,
  medications: medicationMapping,
  prescriptions: prescriptionMapping,
  appointments: appointmentMapping,
  intakes: intakeMapping,
  consents: consentMapping,
  labs: labMapping,
  notes: noteMapping,
  assessments: assessmentMapping,
  documents: documentMapping,
  conditions: conditionMapping,
  allergies: allergyMapping,
  immunizations: immunizationMapping,
  'care-plans': carePlanMapping,
  goals: goalMapping,
};

/** The mappings of the other 43 paths, whose creates also take the FHIR resource itself. */
export const OTHER_MAPPINGS: Readonly<Record<OtherResourcePath, SimplifiedMapping>> = {
  'appointment-responses': appointmentResponseMapping,
  tasks: taskMapping,
  slots: slotMapping,
  organizations: organizationMapping,
  accounts: accountMapping,
  'healthcare-services': healthcareServiceMapping,
  'service-requests': serviceRequestMapping,
  locations: locationMapping,
  schedules: scheduleMapping,
  persons: personMapping,
  'family-history': familyHistoryMapping,
  claims: claimMapping,
  'claim-responses': claimResponseMapping,
  'care-teams': careTeamMapping,
  'charge-items': chargeItemMapping,
  coverages: coverageMapping,
  'eligibility-requests': eligibilityRequestMapping,
  'eligibility-responses': eligibilityResponseMapping,
  eobs: eobMapping,
  devices: deviceMapping,
  'device-requests': deviceRequestMapping,
  'device-use-statements': deviceUseStatementMapping,
  invoices: invoiceMapping,
  'medication-dispenses': medicationDispenseMapping,
  'medication-knowledge': medicationKnowledgeMapping,
  'medication-statements': medicationStatementMapping,
  'payment-notices': paymentNoticeMapping,
  'payment-reconciliations': paymentReconciliationMapping,
  specimens: specimenMapping,
  'imaging-studies': imagingStudyMapping,
  'enrollment-requests': enrollmentRequestMapping,
  'enrollment-responses': enrollmentResponseMapping,
  'immunization-evaluations': immunizationEvaluationMapping,
  media: mediaMapping,
  'activity-definitions': activityDefinitionMapping,
  'nutrition-orders': nutritionOrderMapping,
  'plan-definitions': planDefinitionMapping,
  'vision-prescriptions': visionPrescriptionMapping,
  'risk-assessments': riskAssessmentMapping,
  'audit-events': auditEventMapping,
  measures: measureMapping,
  'measure-reports': measureReportMapping,
  'immunization-recommendations': immunizationRecommendationMapping,
};

/** The mapping of a catalogue path. */
export function mappingFor(path: string): SimplifiedMapping {
  return hasSimplifiedSchemas(path) ? SIMPLIFIED_MAPPINGS[path] : OTHER_MAPPINGS[path as OtherResourcePath];
}
