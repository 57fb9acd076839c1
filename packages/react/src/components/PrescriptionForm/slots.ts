/** The inner parts of a PrescriptionForm that `classNames` can style. */
export type PrescriptionFormSlot = 'header' | 'title' | 'records' | 'record' | 'form' | 'fields' | 'substitution' | 'actions';
