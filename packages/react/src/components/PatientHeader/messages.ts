/** Every string PatientHeader shows, overridable through `<ClinikProvider messages={{ patientHeader: {...} }}>`. */
export const patientHeaderMessages = {
  label: 'Patient',
  loading: 'Loading patient…',
  loadError: 'The patient could not be loaded.',
  born: 'Born {date}',
  ageUnknown: 'Age unknown',
  genderMale: 'Male',
  genderFemale: 'Female',
  genderOther: 'Other',
  genderUnknown: 'Gender unknown',
  inactive: 'Inactive record',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  languages: 'Languages',
  preferred: '{language} (preferred)',
  maritalStatus: 'Marital status',
  maritalMarried: 'Married',
  maritalDivorced: 'Divorced',
  maritalWidowed: 'Widowed',
  maritalSingle: 'Single',
  maritalSeparated: 'Separated',
  maritalPartner: 'Domestic partner',
  allergies: 'Allergies',
  allergiesLoading: 'Checking allergies…',
  allergiesError: 'Allergies could not be loaded.',
  noAllergies: 'No allergies recorded',
  highCriticality: 'high risk',
};

export type PatientHeaderMessages = typeof patientHeaderMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    patientHeader: PatientHeaderMessages;
  }
}
