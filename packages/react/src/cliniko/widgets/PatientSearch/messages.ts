/** Every string ClinikoPatientSearch shows, overridable through `messages={{ clinikoPatientSearch: {...} }}`. */
export const clinikoPatientSearchMessages = {
  title: 'Find a patient',
  searchBy: 'Search by',
  byName: 'Name',
  byEmail: 'Email',
  byDateOfBirth: 'Date of birth',
  searchName: 'Family name, or first and family name',
  searchEmail: 'Part of the email address',
  searchDateOfBirth: 'Date of birth',
  columnName: 'Name',
  columnDateOfBirth: 'Date of birth',
  columnEmail: 'Email',
  columnPhone: 'Phone',
  loading: 'Loading patients…',
  loadingMore: 'Loading more patients…',
  empty: 'No patients yet.',
  /** `{query}`: what was searched for. */
  emptySearch: 'No patients match “{query}”.',
  /** `{shown}`, `{total}`: counts. */
  count: '{shown} of {total} patients',
  loadError: 'Patients could not be searched.',
  loadMoreError: 'More patients could not be loaded.',
  keyboardHint: 'Arrow keys move between patients, Home and End jump to the first and last, Enter chooses one.',
};

export type ClinikoPatientSearchMessages = typeof clinikoPatientSearchMessages;

declare module '../../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    clinikoPatientSearch: ClinikoPatientSearchMessages;
  }
}
