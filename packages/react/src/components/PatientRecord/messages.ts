/** Strings the record viewers share, overridable through `<ClinikProvider messages={{ patientRecord: {...} }}>`. */
export const patientRecordMessages = {
  syncing: 'Recent records are still being indexed and will appear in a few seconds.',
  refresh: 'Refresh',
  sectionFailed: 'This section could not be shown.',
  showAll: 'Show all ({count})',
  showFewer: 'Show fewer',
};

export type PatientRecordMessages = typeof patientRecordMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    patientRecord: PatientRecordMessages;
  }
}
