/** Every string VitalsChart shows, overridable through `<ClinikProvider messages={{ vitalsChart: {...} }}>`. */
export const vitalsChartMessages = {
  title: 'Vital sign trends',
  loading: 'Loading vital signs…',
  loadError: 'Vital signs could not be loaded.',
  empty: 'No vital signs recorded.',
  emptyHint: 'Readings appear here once vitals are taken.',
  showTables: 'Show readings as tables',
  chartLoading: 'Loading chart…',
  chartFailed: 'The chart could not be drawn; the readings are listed below.',
  summary: '{count} readings from {from} to {to}; latest {latest}.',
  summaryOutOfRange: '{count} outside the reference range.',
  latest: 'Latest',
  referenceRange: 'Reference range',
  referenceRangeValue: '{low}–{high} {unit}',
  outOfRange: 'Outside the reference range',
  tableCaption: 'Readings of {vital}',
  columnDate: 'Taken',
  columnFlag: 'Flag',
  heartRate: 'Heart rate',
  bloodPressure: 'Blood pressure',
  systolic: 'Systolic',
  diastolic: 'Diastolic',
  temperature: 'Temperature',
  respiratoryRate: 'Respiratory rate',
  oxygenSaturation: 'Oxygen saturation',
  weight: 'Weight',
  height: 'Height',
  unitHeartRate: 'beats/min',
  unitBloodPressure: 'mmHg',
  unitTemperature: '°C',
  unitRespiratoryRate: 'breaths/min',
  unitOxygenSaturation: '%',
  unitWeight: 'kg',
  unitHeight: 'cm',
  flagHH: 'Critically high',
  flagH: 'High',
  flagN: 'Normal',
  flagL: 'Low',
  flagLL: 'Critically low',
};

export type VitalsChartMessages = typeof vitalsChartMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    vitalsChart: VitalsChartMessages;
  }
}
