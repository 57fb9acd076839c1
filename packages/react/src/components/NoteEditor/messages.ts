/** Every string NoteEditor shows, overridable through `<ClinikProvider messages={{ noteEditor: {...} }}>`. */
export const noteEditorMessages = {
  title: 'Clinical notes',
  listTitle: 'Recent notes',
  loading: 'Loading notes…',
  empty: 'No notes yet.',
  emptyHint: 'Write the first one below.',
  loadError: 'Notes could not be loaded.',
  formTitle: 'New note',
  type: 'Note type',
  /** A note type in the list, with its LOINC document code. */
  docStatus: 'Status',
  docStatusPreliminary: 'Draft (preliminary)',
  docStatusFinal: 'Final',
  docStatusAmended: 'Amended',
  category: 'Category',
  categoryHelp: 'A tag such as cardiology or oncology',
  practiceSetting: 'Practice setting',
  practiceSettingHelp: 'The specialty, e.g. family-medicine',
  noteTitle: 'Title',
  content: 'Note',
  contentHelp: 'Markdown: # heading, **bold**, *italic*, - list, 1. list, `code`, [link](https://…)',
  showPreview: 'Show preview',
  hidePreview: 'Hide preview',
  preview: 'Preview',
  nothingToPreview: 'Nothing to preview yet.',
  draftSaved: 'Draft saved on this device at {time}.',
  draftRestored: 'Your unsaved draft from {time} was restored.',
  discardDraft: 'Discard draft',
  save: 'Save note',
  saving: 'Saving…',
  saved: 'Saved “{title}”.',
  saveError: 'The note was not saved.',
  showNote: 'Show note',
  byAuthor: 'by {author}',
};

export type NoteEditorMessages = typeof noteEditorMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    noteEditor: NoteEditorMessages;
  }
}
