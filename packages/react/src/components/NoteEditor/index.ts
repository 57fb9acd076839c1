export { NoteEditor, type NoteEditorProps } from './NoteEditor.tsx';
export type { NoteEditorSlot } from './slots.ts';
export {
  EMPTY_NOTE_FORM,
  useNoteEditor,
  type NoteDraftState,
  type NoteEditorState,
  type NoteFormValues,
  type UseNoteEditorOptions,
} from './useNoteEditor.ts';
export { renderMarkdown, type MarkdownOptions } from '../../ui/Markdown/markdown.tsx';
export { noteEditorMessages, type NoteEditorMessages } from './messages.ts';
