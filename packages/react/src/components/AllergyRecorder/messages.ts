/** Every string AllergyRecorder shows, overridable through `<ClinikProvider messages={{ allergyRecorder: {...} }}>`. */
export const allergyRecorderMessages = {
  title: 'Allergies and intolerances',
  listTitle: 'On record',
  loading: 'Loading allergies…',
  empty: 'No allergies recorded.',
  emptyHint: 'Record one below, or confirm “no known allergies” in your own workflow.',
  loadError: 'Allergies could not be loaded.',
  formTitle: 'Record an allergy',
  allergen: 'Allergen',
  allergenHelp: 'A substance name or a SNOMED CT code, e.g. Penicillin',
  allergenRequired: 'Enter the allergen',
  type: 'Type',
  typeAllergy: 'Allergy',
  typeIntolerance: 'Intolerance',
  category: 'Category',
  categoryFood: 'Food',
  categoryMedication: 'Medication',
  categoryEnvironment: 'Environment',
  categoryBiologic: 'Biologic',
  criticality: 'Criticality',
  criticalityLow: 'Low',
  criticalityHigh: 'High',
  criticalityUnable: 'Unable to assess',
  clinicalStatus: 'Clinical status',
  statusActive: 'Active',
  statusInactive: 'Inactive',
  statusResolved: 'Resolved',
  manifestation: 'Reaction',
  manifestationHelp: 'What happened, e.g. Hives. Separate several with commas.',
  severity: 'Reaction severity',
  severityMild: 'Mild',
  severityModerate: 'Moderate',
  severitySevere: 'Severe',
  note: 'Note',
  notSpecified: 'Not specified',
  save: 'Record allergy',
  saving: 'Recording…',
  saved: 'Recorded {allergen}.',
  saveError: 'The allergy was not recorded.',
  highCriticality: 'High criticality',
};

export type AllergyRecorderMessages = typeof allergyRecorderMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    allergyRecorder: AllergyRecorderMessages;
  }
}
