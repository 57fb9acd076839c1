'use client';
/** The patient's latest clinical notes: title, kind, date, status and the opening words of each. */
import type { DocumentReference } from '@clinikapi/core';
import type { ReactNode } from 'react';
import { formatDate } from '../../../i18n/format.ts';
import { useLocale } from '../../../provider/context.ts';
import { conceptText } from '../../../ui/fhir-display.ts';
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

const PREVIEW_LENGTH = 160;

/** The first words of a plain-text or markdown note; nothing for other content (a PDF, an image). */
export function notePreview(note: DocumentReference): string | undefined {
  const attachment = note.content?.find((content) => content.attachment.data && /^text\//.test(content.attachment.contentType ?? 'text/plain'))?.attachment;
  if (!attachment?.data) return undefined;
  try {
    const bytes = Uint8Array.from(atob(attachment.data), (char) => char.charCodeAt(0));
    const text = new TextDecoder().decode(bytes).replace(/[#*_>`]/g, '').replace(/\s+/g, ' ').trim();
    return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…` : text;
  } catch {
    return undefined;
  }
}

const byDate = newestFirst((note: DocumentReference) => note.date ?? note.meta?.lastUpdated);

export function ClinicalNotes({ patientId, level, messages, limit = 5 }: ClinicalNotesProps): ReactNode {
  const locale = useLocale();
  const notes = useLinkedRecords('notes', patientId);
  const shown = notes.records.filter((note) => note.status !== 'entered-in-error').sort(byDate).slice(0, limit);
  const docStatus = (status: DocumentReference['docStatus']) =>
    status === 'preliminary' ? messages.notePreliminary : status === 'amended' ? messages.noteAmended : status === 'final' ? messages.noteFinal : undefined;
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
            const title = note.description || note.content?.[0]?.attachment.title || conceptText(note.type) || messages.noteUntitled;
            const meta = [note.description ? conceptText(note.type) : undefined, formatDate(note.date, locale)].filter(Boolean);
            const status = docStatus(note.docStatus);
            const preview = notePreview(note);
            return (
              <li key={note.id} data-doc-status={note.docStatus}>
                <div className="ck-RecordList-main">
                  <span className="ck-RecordList-title">{title}</span>
                  <span className="ck-RecordList-meta">{meta.join(' · ')}</span>
                  {preview && <span className="ck-PatientDashboard-preview">{preview}</span>}
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
