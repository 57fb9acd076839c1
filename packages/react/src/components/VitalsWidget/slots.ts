/** The inner parts of a VitalsWidget that `classNames` can style. */
export type VitalsWidgetSlot =
  'header' | 'title' | 'records' | 'record' | 'readings' | 'form' | 'fields' | 'reading' | 'pressure' | 'flag' | 'actions';
