'use client';
/** The patient's latest clinical notes: title, kind, date, status and the opening of each, rendered as the note is. */
import type { DocumentReference } from '@clinikapi/core';
import type { ReactNode } from 'react';
import { formatDate } from '../../../i18n/format.ts';
import { useLocale } from '../../../provider/context.ts';
import { codeNameMessages } from '../../../codes/code-names.ts';
import { useWidgetMessages } from '../../../i18n/widget-messages.ts';
import { NoteText } from '../../../ui/Markdown/NoteText.tsx';
import { noteContent, noteTypeLabel } from '../../NoteEditor/note-display.ts';
import { Badge } from '../../PatientRecord/Badge.tsx';
import { newestFirst } from '../../PatientRecord/dates.ts';
import type { HeadingLevel } from '../../PatientRecord/Heading.tsx';
import { useLinkedRecords } from '../../PatientRecord/useLinkedRecords.ts';
import type { PatientDashboardMessages } from '../messages.ts';
import { DashboardSection } from './DashboardSection.tsx';

export interface ClinicalNotesProps {
  readonly patientId: string;
  readonly level: HeadingLevel;
  readonly messages: PatientDashboardMessages;
  /** How many notes to show. Default 5. */
  readonly limit?: number;
}

const byDate = newestFirst((note: DocumentReference) => note.date ?? note.meta?.lastUpdated);

export function ClinicalNotes({ patientId, level, messages, limit = 5 }: ClinicalNotesProps): ReactNode {
  const locale = useLocale();
  const names = useWidgetMessages('codeNames', codeNameMessages);
  const notes = useLinkedRecords('notes', patientId);
  const shown = notes.records
    .filter((note) => note.status !== 'entered-in-error')
    .sort(byDate)
    .slice(0, limit);
  const docStatus = (status: DocumentReference['docStatus']) =>
    status === 'preliminary'
      ? messages.notePreliminary
      : status === 'amended'
        ? messages.noteAmended
        : status === 'final'
          ? messages.noteFinal
          : undefined;
  return (
    <DashboardSection
      name="notes"
      title={messages.notes}
      level={level}
      status={notes.status === 'ready' && shown.length === 0 ? 'empty' : notes.status}
      error={notes.error}
      onRetry={notes.retry}
      loading={messages.notesLoading}
      errorTitle={messages.notesError}
      empty={messages.noNotes}
    >
      {() => (
        <ul className="ck-RecordList">
          {shown.map((note) => {
            const title = note.description || note.content?.[0]?.attachment.title || noteTypeLabel(note, names) || messages.noteUntitled;
            const type = noteTypeLabel(note, names);
            const meta = [note.description ? type : undefined, formatDate(note.date, locale)].filter(Boolean);
            const status = docStatus(note.docStatus);
            const content = noteContent(note);
            return (
              <li key={note.id} data-doc-status={note.docStatus}>
                <div className="ck-RecordList-main">
                  <span className="ck-RecordList-title">{title}</span>
                  <span className="ck-RecordList-meta">{meta.join(' · ')}</span>
                  {content.text && <NoteText text={content.text} markdown={content.markdown} className="ck-PatientDashboard-preview" />}
                </div>
                {status && <Badge tone={note.docStatus === 'preliminary' ? 'warning' : 'neutral'}>{status}</Badge>}
              </li>
            );
          })}
        </ul>
      )}
    </DashboardSection>
  );
}
