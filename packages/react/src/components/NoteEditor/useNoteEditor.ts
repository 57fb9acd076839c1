'use client';
/**
 * The headless NoteEditor: the patient's recent notes, and an editor for a new one — a FHIR DocumentReference with
 * markdown content (`notes.create`). What is typed is autosaved as a draft on this device (restored when the editor
 * opens again for the same patient and encounter, cleared once the note is saved), and leaving the page with unsaved
 * changes asks first.
 */
import { noteCreateSchema, type DocumentReference, type NoteType } from '@clinikapi/core';
import { useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useRecordsAccess } from '../../access/useAccess.ts';
import { useCreateNote, useNotes } from '../../hooks/resources/notes.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { useClinicalForm, type ClinicalForm } from '../../headless/form/useClinicalForm.ts';
import { clearDraft, draftKey, readDraft, writeDraft } from './note-draft.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

/** What the form holds while the note is written. */
export interface NoteFormValues {
  type: NoteType;
  docStatus: 'preliminary' | 'final' | 'amended';
  category: string;
  practiceSetting: string;
  title: string;
  /** Markdown. */
  content: string;
}

export const EMPTY_NOTE_FORM: NoteFormValues = {
  type: 'progress-note',
  docStatus: 'final',
  category: '',
  practiceSetting: '',
  title: '',
  content: '',
};

export interface UseNoteEditorOptions extends WidgetHookOptions<DocumentReference> {
  /** The practitioner writing the note. */
  readonly authorId?: string | undefined;
  /** The encounter the note documents; also part of the draft's key. */
  readonly encounterId?: string | undefined;
  /**
   * Keep a draft of what is typed in this browser's localStorage. Default true. The draft is clinical text on the
   * device: turn it off where devices are shared and not wiped between users.
   */
  readonly autosave?: boolean | undefined;
  /** How long typing must pause before the draft is saved, in ms. Default 800. */
  readonly autosaveDelay?: number | undefined;
  /** How many recent notes to list. Default 5. */
  readonly recentCount?: number | undefined;
}

/** The draft on this device: none, just saved, or restored from an earlier visit (with when it was saved). */
export type NoteDraftState = { readonly status: 'none' } | { readonly status: 'saved' | 'restored'; readonly savedAt: string };

export interface NoteEditorState extends ClinicalForm<NoteFormValues, DocumentReference>, RecordsState {
  /** The patient's most recent notes, newest first. */
  readonly records: readonly DocumentReference[];
  /** The markdown being written, for a preview. */
  readonly content: string;
  readonly previewOpen: boolean;
  readonly togglePreview: () => void;
  readonly draft: NoteDraftState;
  /** Throws the draft away and empties the editor. */
  readonly discardDraft: () => void;
  /** Something typed is not saved to the record yet. */
  readonly dirty: boolean;
}

/** When a note was written. */
export function noteDate(note: DocumentReference): string | undefined {
  return note.date ?? note.meta?.lastUpdated;
}

export function useNoteEditor(options: UseNoteEditorOptions): NoteEditorState {
  const { patientId, authorId, encounterId, autosave = true, autosaveDelay = 800, recentCount = 5 } = options;
  const reads = useRecordsAccess('notes');
  const search = useNotes({ patientId, count: 100 }, { enabled: reads.enabled });
  const create = useCreateNote();
  const key = draftKey(patientId, encounterId);
  const [draft, setDraft] = useState<NoteDraftState>({ status: 'none' });
  const [previewOpen, setPreviewOpen] = useState(false);
  const wroteDraft = useRef(false);
  /** The values a restored draft put in the form: nothing new to save until they change. */
  const restored = useRef<string | null>(null);

  const form = useClinicalForm({
    writes: { path: 'notes' },
    schema: noteCreateSchema,
    defaultValues: EMPTY_NOTE_FORM,
    toInput: (values: NoteFormValues) => dropBlanks({ patientId, authorId, encounterId, ...values, contentType: 'text/markdown' }),
    submit: create.mutateAsync,
    onSuccess: (note) => {
      clearDraft(key);
      wroteDraft.current = false;
      restored.current = null;
      setDraft({ status: 'none' });
      options.onSuccess?.(note);
    },
    onError: options.onError,
  });
  const { reset } = form.form;
  const values = useWatch({ control: form.form.control }) as NoteFormValues;
  const dirty = form.form.formState.isDirty;
  const snapshot = JSON.stringify(values);

  // Restore a draft of this patient and encounter once the page is in the browser (storage is never read in render).
  useEffect(() => {
    if (!autosave) return;
    const saved = readDraft(key, EMPTY_NOTE_FORM);
    if (!saved) return;
    reset(saved.values, { keepDefaultValues: true });
    wroteDraft.current = true;
    restored.current = JSON.stringify(saved.values);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- storage can only be read once mounted
    setDraft({ status: 'restored', savedAt: saved.savedAt });
  }, [autosave, key, reset]);

  // Save the draft when typing pauses; drop the one this editor wrote once the form is back to empty.
  useEffect(() => {
    if (!autosave) return;
    const timer = setTimeout(() => {
      if (dirty) {
        if (snapshot === restored.current) return;
        restored.current = null;
        const savedAt = new Date().toISOString();
        if (writeDraft(key, JSON.parse(snapshot) as NoteFormValues, savedAt)) {
          wroteDraft.current = true;
          setDraft({ status: 'saved', savedAt });
        }
      } else if (wroteDraft.current) {
        clearDraft(key);
        wroteDraft.current = false;
        setDraft({ status: 'none' });
      }
    }, autosaveDelay);
    return () => clearTimeout(timer);
  }, [autosave, autosaveDelay, dirty, key, snapshot]);

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const records = [...(search.data?.data ?? [])].sort((a, b) => (noteDate(b) ?? '').localeCompare(noteDate(a) ?? '')).slice(0, recentCount);

  return {
    ...form,
    records,
    ...recordsStateOf(search, records.length, reads.readable),
    content: values.content ?? '',
    previewOpen,
    togglePreview: () => setPreviewOpen((open) => !open),
    draft,
    discardDraft: () => {
      clearDraft(key);
      wroteDraft.current = false;
      restored.current = null;
      setDraft({ status: 'none' });
      reset(EMPTY_NOTE_FORM);
    },
    dirty,
  };
}
