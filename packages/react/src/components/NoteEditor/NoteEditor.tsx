'use client';
import type { DocumentReference } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { slotClasses } from '../../ui/slots.ts';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { noteEditorMessages } from './messages.ts';
import { NoteForm } from './NoteForm.tsx';
import { NoteRecords } from './NoteRecords.tsx';
import type { NoteEditorSlot } from './slots.ts';
import { useNoteEditor } from './useNoteEditor.ts';

export interface NoteEditorProps extends WidgetProps<NoteEditorSlot, DocumentReference> {
  /** The practitioner writing the note; sent as the note's `author`. */
  readonly authorId?: string;
  /** The encounter the note documents; sent as its context, and part of the draft's key. */
  readonly encounterId?: string;
  /**
   * Autosave a draft in this browser's localStorage, restored when the editor opens again for the same patient and
   * encounter and cleared once the note is saved. Default true. The draft is clinical text kept on the device: turn
   * it off where devices are shared.
   */
  readonly autosave?: boolean;
  /** How many recent notes to list above the editor. Default 5. */
  readonly recentCount?: number;
}

/**
 * Writes a clinical note (FHIR DocumentReference, LOINC note types) in markdown with a preview, after listing the
 * patient's recent notes. Drafts are autosaved on the device, and leaving with unsaved changes asks first. Works on
 * its own with `proxyUrl`, or inside a `ClinikProvider`.
 */
export function NoteEditor({ proxyUrl, ...props }: NoteEditorProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      {/* A new patient or encounter is a new note: nothing typed for one can be sent (or drafted) for another. */}
      <NoteEditorView key={`${props.patientId}|${props.encounterId ?? ''}`} {...props} />
    </WidgetProvider>
  );
}

function NoteEditorView(props: Omit<NoteEditorProps, 'proxyUrl'>): ReactNode {
  const { patientId, authorId, encounterId, autosave, recentCount, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('noteEditor', noteEditorMessages);
  const state = useNoteEditor({ patientId, authorId, encounterId, autosave, recentCount, onSuccess, onError });
  const titleId = useId();
  const slot = slotClasses<NoteEditorSlot>('NoteEditor', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="NoteEditor"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{
        status: state.status,
        records: state.recordsStatus,
        dirty: state.dirty,
        draft: state.draft.status,
        preview: state.previewOpen,
      }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {messages.title}
        </h2>
      </div>
      <NoteRecords state={state} messages={messages} slot={slot} />
      {state.writable && <NoteForm state={state} messages={messages} slot={slot} />}
    </WidgetRoot>
  );
}
