/** The inner parts of a LabResultsWidget that `classNames` can style. */
export type LabResultsWidgetSlot =
  'header' | 'title' | 'records' | 'record' | 'details' | 'results' | 'flag' | 'form' | 'fields' | 'actions';
