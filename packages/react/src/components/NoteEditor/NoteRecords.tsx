'use client';
/** The NoteEditor's list of recent notes; each opens to show its text, markdown rendered safely. */
import type { DocumentReference } from '@clinikapi/core';
import { type ReactNode } from 'react';
import { codeNameMessages } from '../../codes/code-names.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import type { slotClasses } from '../../ui/slots.ts';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import { NoteText } from '../../ui/Markdown/NoteText.tsx';
import type { NoteEditorMessages } from './messages.ts';
import { docStatusLabel, noteContent, noteTypeLabel } from './note-display.ts';
import type { NoteEditorSlot } from './slots.ts';
import { noteDate, type NoteEditorState } from './useNoteEditor.ts';

export interface NotePartProps {
  readonly state: NoteEditorState;
  readonly messages: NoteEditorMessages;
  readonly slot: ReturnType<typeof slotClasses<NoteEditorSlot>>;
}

export function NoteRecords({ state, messages, slot }: NotePartProps): ReactNode {
  return (
    <RecordsSection state={state} messages={messages}>
      <ul className={slot('records', 'ck-Widget-records')}>
        {state.records.map((note) => (
          <NoteRecord key={note.id} note={note} messages={messages} slot={slot} />
        ))}
      </ul>
    </RecordsSection>
  );
}

function NoteRecord({ note, messages, slot }: { note: DocumentReference } & Omit<NotePartProps, 'state'>): ReactNode {
  const locale = useLocale();
  const names = useWidgetMessages('codeNames', codeNameMessages);
  const date = noteDate(note);
  const { text, markdown } = noteContent(note);
  return (
    <li className={slot('record', 'ck-Widget-record')} data-status={note.docStatus}>
      <strong>{note.description ?? note.content?.[0]?.attachment?.title}</strong>
      <span className="ck-Widget-meta">
        {[noteTypeLabel(note, names), docStatusLabel(note.docStatus, messages)].filter(Boolean).join(' · ')}
        {date && ' · '}
        {date && <time dateTime={date}>{formatDateTime(date, locale)}</time>}
      </span>
      {text && (
        <details className="ck-NoteEditor-details">
          <summary>{messages.showNote}</summary>
          <NoteText text={text} markdown={markdown} />
        </details>
      )}
    </li>
  );
}
