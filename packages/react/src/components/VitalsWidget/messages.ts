/** Every string VitalsWidget shows, overridable through `<ClinikProvider messages={{ vitalsWidget: {...} }}>`. */
export const vitalsWidgetMessages = {
  title: 'Vital signs',
  listTitle: 'Recent vitals',
  loading: 'Loading vitals…',
  empty: 'No vitals recorded.',
  emptyHint: 'Record the first set below.',
  loadError: 'Vitals could not be loaded.',
  formTitle: 'Record vitals',
  heartRate: 'Heart rate',
  bloodPressure: 'Blood pressure',
  systolic: 'Systolic',
  diastolic: 'Diastolic',
  temperature: 'Temperature',
  respiratoryRate: 'Respiratory rate',
  oxygenSaturation: 'Oxygen saturation',
  weight: 'Weight',
  height: 'Height',
  heartRateUnit: 'beats/min',
  bloodPressureUnit: 'mmHg',
  systolicUnit: 'mmHg',
  diastolicUnit: 'mmHg',
  temperatureUnit: '°C',
  respiratoryRateUnit: 'breaths/min',
  oxygenSaturationUnit: '%',
  weightUnit: 'kg',
  heightUnit: 'cm',
  /** A field's label with its unit. */
  labelWithUnit: '{label} ({unit})',
  /** A measurement for display. */
  quantity: '{value} {unit}',
  /** Systolic over diastolic. */
  pressure: '{systolic}/{diastolic}',
  usualRange: 'Usual range {low}–{high}',
  flaggedHigh: 'High: above the usual {low}–{high}',
  flaggedLow: 'Low: below the usual {low}–{high}',
  high: 'High',
  low: 'Low',
  abnormal: 'Abnormal',
  measuredAt: 'Measured at',
  measuredAtHelp: 'Leave empty if measured just now.',
  note: 'Note',
  systolicMissing: 'Enter the systolic pressure as well',
  diastolicMissing: 'Enter the diastolic pressure as well',
  systolicNotAbove: 'Must be higher than the diastolic pressure',
  nothingEntered: 'Enter at least one reading',
  save: 'Record vitals',
  saving: 'Recording…',
  saved: 'Vitals recorded.',
  savedFlagged: 'Vitals recorded. Outside the usual range: {readings}.',
  saveError: 'The vitals were not recorded.',
  /** A flagged reading in the saved message, e.g. "Heart rate (High)". */
  flaggedReading: '{label} ({flag})',
};

export type VitalsWidgetMessages = typeof vitalsWidgetMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    vitalsWidget: VitalsWidgetMessages;
  }
}
