/** Every string LabResultsWidget shows, overridable through `<ClinikProvider messages={{ labResultsWidget: {...} }}>`. */
export const labResultsWidgetMessages = {
  title: 'Lab orders',
  listTitle: 'Recent reports',
  loading: 'Loading reports…',
  empty: 'No lab reports yet.',
  emptyHint: 'Order one below.',
  loadError: 'Lab reports could not be loaded.',
  formTitle: 'Order a lab report',
  test: 'Test',
  testHelp: 'A LOINC code or a name, e.g. Lipid panel',
  testRequired: 'Enter the test',
  category: 'Category',
  categoryLAB: 'Laboratory',
  categoryRAD: 'Radiology',
  categoryPAT: 'Pathology',
  status: 'Status',
  statusRegistered: 'Registered',
  statusPartial: 'Partial',
  statusPreliminary: 'Preliminary',
  statusFinal: 'Final',
  statusAmended: 'Amended',
  statusCorrected: 'Corrected',
  statusAppended: 'Appended',
  statusCancelled: 'Cancelled',
  effectiveStart: 'Collected or performed at',
  effectiveStartHelp: 'Leave empty for now.',
  effectiveEnd: 'Until',
  effectiveEndHelp: 'Only for a collection over a period, e.g. a 24-hour urine.',
  startRequired: 'Enter when the period started',
  conclusion: 'Conclusion',
  notSpecified: 'Not specified',
  save: 'Order report',
  saving: 'Ordering…',
  saved: 'Ordered {test}.',
  saveError: 'The lab report was not ordered.',
  /** How many observations a report links, e.g. "3 results". */
  resultCount: '{count} results',
  resultCountOne: '1 result',
  resultsLoading: 'Loading results…',
  resultLoadError: 'This result could not be loaded.',
  /** A result value with its unit. */
  quantity: '{value} {unit}',
  referenceRange: 'reference {low}–{high}',
  high: 'High',
  low: 'Low',
  abnormal: 'Abnormal',
  criticalHigh: 'Critically high',
  criticalLow: 'Critically low',
  /** A report's date range. */
  period: '{start} – {end}',
};

export type LabResultsWidgetMessages = typeof labResultsWidgetMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    labResultsWidget: LabResultsWidgetMessages;
  }
}
