/** Reading saved notes (FHIR DocumentReference) back: their text, type and status as the editor's words. */
import type { DocumentReference, NoteType } from '@clinikapi/core';
import type { NoteEditorMessages } from './messages.ts';

/** The message that names each note type. */
export const NOTE_TYPE_LABELS: Readonly<Record<NoteType, keyof NoteEditorMessages>> = {
  'progress-note': 'typeProgressNote',
  'consultation-note': 'typeConsultationNote',
  'discharge-summary': 'typeDischargeSummary',
  'history-and-physical': 'typeHistoryAndPhysical',
  'operative-note': 'typeOperativeNote',
  'procedure-note': 'typeProcedureNote',
  'referral-note': 'typeReferralNote',
  'transfer-summary': 'typeTransferSummary',
  other: 'typeOther',
};

/** The note's text and whether it is markdown. The API stores the text base64-encoded (UTF-8) in the attachment. */
export function noteContent(note: DocumentReference): { text: string; markdown: boolean } {
  const attachment = note.content?.[0]?.attachment;
  const markdown = attachment?.contentType?.split(';')[0]?.trim() === 'text/markdown';
  if (!attachment?.data) return { text: '', markdown };
  try {
    const bytes = Uint8Array.from(atob(attachment.data), (char) => char.charCodeAt(0));
    return { text: new TextDecoder().decode(bytes), markdown };
  } catch {
    return { text: '', markdown };
  }
}

/** The note's type as the editor names it, else whatever the record says. */
export function noteTypeLabel(note: DocumentReference, messages: NoteEditorMessages): string | undefined {
  const type = note.type?.text;
  if (type && Object.hasOwn(NOTE_TYPE_LABELS, type)) return messages[NOTE_TYPE_LABELS[type as NoteType]];
  return type ?? note.type?.coding?.[0]?.display;
}

export function docStatusLabel(status: string | undefined, messages: NoteEditorMessages): string | undefined {
  if (status === 'preliminary') return messages.docStatusPreliminary;
  if (status === 'final') return messages.docStatusFinal;
  if (status === 'amended') return messages.docStatusAmended;
  return status;
}
