/** Every string LabResults shows, overridable through `<ClinikProvider messages={{ labResults: {...} }}>`. */
export const labResultsMessages = {
  title: 'Lab results',
  loading: 'Loading lab results…',
  loadError: 'Lab results could not be loaded.',
  empty: 'No lab reports yet.',
  emptyHint: 'Reports appear here once the laboratory sends them.',
  untitled: 'Lab report',
  resultsCaption: 'Results of {report}',
  columnTest: 'Test',
  columnResult: 'Result',
  columnRange: 'Reference range',
  columnFlag: 'Flag',
  noResults: 'No results yet.',
  resultsLoading: 'Loading results…',
  resultMissing: 'This result could not be loaded.',
  resultsError: 'Some results could not be loaded.',
  abnormalCount: '{count} abnormal',
  criticalCount: '{count} critical',
  allNormal: 'All within range',
  conclusion: 'Conclusion',
  rangeBetween: '{low}–{high}',
  rangeBelow: '< {high}',
  rangeAbove: '> {low}',
  flagHH: 'Critically high',
  flagH: 'High',
  flagN: 'Normal',
  flagL: 'Low',
  flagLL: 'Critically low',
  flagA: 'Abnormal',
  flagAA: 'Critically abnormal',
  categoryLAB: 'Laboratory',
  categoryRAD: 'Radiology',
  categoryPAT: 'Pathology',
  statusRegistered: 'Ordered',
  statusPartial: 'Partial',
  statusPreliminary: 'Preliminary',
  statusFinal: 'Final',
  statusAmended: 'Amended',
  statusCorrected: 'Corrected',
  statusAppended: 'Appended',
  statusCancelled: 'Cancelled',
  statusEnteredInError: 'Entered in error',
  statusUnknown: 'Unknown status',
};

export type LabResultsMessages = typeof labResultsMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    labResults: LabResultsMessages;
  }
}
