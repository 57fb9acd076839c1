/** Every string PrescriptionForm shows, overridable through `<ClinikProvider messages={{ prescriptionForm: {...} }}>`. */
export const prescriptionFormMessages = {
  title: 'Prescribe',
  listTitle: 'Prescriptions on record',
  loading: 'Loading prescriptions…',
  empty: 'No prescriptions on record.',
  emptyHint: 'Write the first one below.',
  loadError: 'Prescriptions could not be loaded.',
  formTitle: 'New prescription',
  medication: 'Medication',
  medicationHelp: 'An RxNorm code or a drug name, e.g. Amoxicillin 500 MG Oral Capsule',
  medicationRequired: 'Enter the medication',
  dosageText: 'Dosage instructions',
  dosageTextHelp: 'As the patient will read them, e.g. Take 1 capsule three times daily',
  priority: 'Priority',
  priorityRoutine: 'Routine',
  priorityUrgent: 'Urgent',
  priorityAsap: 'As soon as possible',
  priorityStat: 'Immediately (stat)',
  category: 'Category',
  categoryOutpatient: 'Outpatient',
  categoryInpatient: 'Inpatient',
  categoryCommunity: 'Community',
  categoryDischarge: 'Discharge',
  frequency: 'Frequency',
  frequencyOnce: 'Once daily',
  frequencyTwice: 'Twice daily',
  frequencyThree: 'Three times daily',
  frequencyFour: 'Four times daily',
  duration: 'Duration (days)',
  quantity: 'Quantity to dispense',
  quantityUnit: 'Unit',
  quantityUnitHelp: 'e.g. tablets, capsules, mL',
  suggestedQuantity: '{perDay} a day for {days} days is {total}.',
  refills: 'Refills',
  refillsHelp: 'From 0 to 12',
  courseOfTherapy: 'Course of therapy',
  courseContinuous: 'Continuous',
  courseAcute: 'Acute',
  courseSeasonal: 'Seasonal',
  substitution: 'Allow generic substitution',
  note: 'Notes for the pharmacist',
  notSpecified: 'Not specified',
  /** The unit of the duration, in its range message ("Must be between 1 and 365 days"). */
  durationUnit: 'days',
  save: 'Prescribe',
  saving: 'Prescribing…',
  saved: 'Prescribed {medication}.',
  saveError: 'The prescription was not saved.',
  statusActive: 'Active',
  statusOnHold: 'On hold',
  statusCancelled: 'Cancelled',
  statusCompleted: 'Completed',
  statusDraft: 'Draft',
  statusStopped: 'Stopped',
  /** A prescription's dispensing, e.g. "21 tablets · 2 refills". */
  dispense: '{quantity} {unit}',
  refillCount: '{count} refills',
  refillCountOne: '1 refill',
  noRefills: 'No refills',
};

export type PrescriptionFormMessages = typeof prescriptionFormMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    prescriptionForm: PrescriptionFormMessages;
  }
}
