/** Every string PrescriptionWidget shows, overridable through `<ClinikProvider messages={{ prescriptionWidget: {...} }}>`. */
export const prescriptionWidgetMessages = {
  title: 'Quick prescribing',
  listTitle: 'Current prescriptions',
  loading: 'Loading prescriptions…',
  empty: 'No prescriptions on record.',
  emptyHint: 'Add one below.',
  loadError: 'Prescriptions could not be loaded.',
  formTitle: 'Quick prescription',
  medication: 'Medication',
  medicationHelp: 'An RxNorm code or a drug name. Dosage, refills and priority need the full prescription form.',
  medicationRequired: 'Enter the medication',
  save: 'Add',
  saving: 'Adding…',
  saved: 'Prescribed {medication}.',
  saveError: 'The prescription was not saved.',
  statusActive: 'Active',
  statusOnHold: 'On hold',
  statusCancelled: 'Cancelled',
  statusCompleted: 'Completed',
  statusDraft: 'Draft',
  statusStopped: 'Stopped',
};

export type PrescriptionWidgetMessages = typeof prescriptionWidgetMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    prescriptionWidget: PrescriptionWidgetMessages;
  }
}
