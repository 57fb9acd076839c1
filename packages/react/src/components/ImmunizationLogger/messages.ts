/** Every string ImmunizationLogger shows, overridable through `<ClinikProvider messages={{ immunizationLogger: {...} }}>`. */
export const immunizationLoggerMessages = {
  title: 'Immunizations',
  listTitle: 'Immunization history',
  loading: 'Loading immunizations…',
  empty: 'No immunizations recorded.',
  emptyHint: 'Log one below, including doses given elsewhere.',
  loadError: 'Immunizations could not be loaded.',
  formTitle: 'Log an immunization',
  vaccine: 'Vaccine',
  vaccineHelp: 'A name or a CVX code, e.g. Influenza or 141',
  vaccineRequired: 'Enter the vaccine',
  status: 'Status',
  statusCompleted: 'Completed',
  statusNotDone: 'Not done',
  statusReason: 'Reason not done',
  statusReasonHelp: 'e.g. Patient declined, or a contraindication',
  occurrence: 'Date',
  occurrenceHelp: 'When it was given. Leave empty to log it as given now.',
  futureDate: 'Must not be in the future',
  site: 'Site',
  siteHelp: 'e.g. Left deltoid',
  route: 'Route',
  routeHelp: 'e.g. Intramuscular',
  lotNumber: 'Lot number',
  manufacturer: 'Manufacturer',
  note: 'Note',
  save: 'Log immunization',
  saving: 'Logging…',
  saved: 'Logged {vaccine}.',
  saveError: 'The immunization was not logged.',
  cvxCode: 'CVX {code}',
  lot: 'Lot {lot}',
  notDoneBecause: 'Not done: {reason}',
};

export type ImmunizationLoggerMessages = typeof immunizationLoggerMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    immunizationLogger: ImmunizationLoggerMessages;
  }
}
