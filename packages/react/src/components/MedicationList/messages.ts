/** Every string MedicationList shows, overridable through `<ClinikProvider messages={{ medicationList: {...} }}>`. */
export const medicationListMessages = {
  title: 'Medications',
  loading: 'Loading medications…',
  loadError: 'Medications could not be loaded.',
  filterLabel: 'Show',
  filterActive: 'Active ({count})',
  filterInactive: 'Past ({count})',
  filterAll: 'All ({count})',
  emptyActive: 'No active medications.',
  emptyInactive: 'No past medications.',
  empty: 'No medications recorded.',
  emptyHint: 'Prescriptions appear here once they are written.',
  statusActive: 'Active',
  statusOnHold: 'On hold',
  statusDraft: 'Draft',
  statusCompleted: 'Completed',
  statusCancelled: 'Cancelled',
  statusStopped: 'Stopped',
  statusEnteredInError: 'Entered in error',
  statusUnknown: 'Unknown status',
  priorityUrgent: 'Urgent',
  priorityAsap: 'As soon as possible',
  priorityStat: 'Immediately (stat)',
  courseContinuous: 'Long-term',
  courseAcute: 'Short course',
  courseSeasonal: 'Seasonal',
  prescribed: 'Prescribed {date}',
  reason: 'Stopped because: {reason}',
  noDosage: 'No dosage instructions',
};

export type MedicationListMessages = typeof medicationListMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    medicationList: MedicationListMessages;
  }
}
