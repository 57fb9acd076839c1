/** Every string ConditionTracker shows, overridable through `<ClinikProvider messages={{ conditionTracker: {...} }}>`. */
export const conditionTrackerMessages = {
  title: 'Conditions',
  listTitle: 'Active conditions',
  pastTitle: 'Past conditions ({count})',
  loading: 'Loading conditions…',
  empty: 'No active conditions.',
  emptyHint: 'Record a diagnosis below so it appears on the problem list.',
  loadError: 'Conditions could not be loaded.',
  formTitle: 'Record a condition',
  code: 'Condition',
  codeHelp: 'A name or an ICD-10 code, e.g. Hypertension or I10',
  codeRequired: 'Enter the condition',
  clinicalStatus: 'Clinical status',
  statusActive: 'Active',
  statusRecurrence: 'Recurrence',
  statusRelapse: 'Relapse',
  statusInactive: 'Inactive',
  statusRemission: 'Remission',
  statusResolved: 'Resolved',
  verificationStatus: 'Verification',
  verificationConfirmed: 'Confirmed',
  verificationUnconfirmed: 'Unconfirmed',
  verificationProvisional: 'Provisional',
  verificationDifferential: 'Differential',
  verificationRefuted: 'Refuted',
  severity: 'Severity',
  severityMild: 'Mild',
  severityModerate: 'Moderate',
  severitySevere: 'Severe',
  notSpecified: 'Not specified',
  onset: 'Onset date',
  onsetHelp: 'When it started, if known',
  abatement: 'Ended on',
  abatementHelp: 'Only for a condition that is inactive or resolved',
  futureDate: 'Must not be in the future',
  note: 'Note',
  save: 'Record condition',
  saving: 'Recording…',
  saved: 'Recorded {condition}.',
  saveError: 'The condition was not recorded.',
  since: 'Since {date}',
  ended: 'Ended {date}',
};

export type ConditionTrackerMessages = typeof conditionTrackerMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    conditionTracker: ConditionTrackerMessages;
  }
}
