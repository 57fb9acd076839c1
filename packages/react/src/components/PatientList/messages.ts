/**
 * Every string PatientList shows, overridable through `<ClinikProvider messages={{ patientList: {...} }}>` — the
 * same section the list's first version read from the core catalogue, so existing overrides keep working.
 */
export const patientListMessages = {
  title: 'Patients',
  searchLabel: 'Search patients',
  searchPlaceholder: 'Name, e.g. Okafor',
  sortLabel: 'Sort by',
  sortNameAscending: 'Name, A to Z',
  sortNameDescending: 'Name, Z to A',
  sortBirthDateAscending: 'Date of birth, oldest first',
  sortBirthDateDescending: 'Date of birth, youngest first',
  sortedAmongLoaded: 'Sorted among the {loaded} loaded so far; more load as you scroll.',
  columnName: 'Name',
  columnBirthDate: 'Date of birth',
  columnGender: 'Gender',
  columnContact: 'Contact',
  loading: 'Loading patients…',
  loadingMore: 'Loading more patients…',
  empty: 'No patients yet.',
  emptySearch: 'No patients match “{query}”.',
  count: '{shown} of {total} patients',
  loadError: 'Patients could not be loaded.',
  loadMoreError: 'More patients could not be loaded.',
  keyboardHint: 'Arrow keys move between patients, Home and End jump to the first and last, Enter opens one.',
  genderMale: 'Male',
  genderFemale: 'Female',
  genderOther: 'Other',
  genderUnknown: 'Unknown',
};

export type PatientListMessages = typeof patientListMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    patientList: PatientListMessages;
  }
}
