/** The inner parts of a PrescriptionWidget that `classNames` can style. */
export type PrescriptionWidgetSlot = 'header' | 'title' | 'records' | 'record' | 'form' | 'actions';
