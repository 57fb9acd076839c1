/** The inner parts of a NoteEditor that `classNames` can style. */
export type NoteEditorSlot = 'header' | 'title' | 'records' | 'record' | 'form' | 'fields' | 'editor' | 'preview' | 'draft' | 'actions';
