/** Reading saved notes (FHIR DocumentReference) back: their text, type and status as the editor's words. */
import type { DocumentReference } from '@clinikapi/core';
import { codeName, listedName, type CodeNameMessages } from '../../codes/code-names.ts';
import type { NoteEditorMessages } from './messages.ts';

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

/**
 * The note's type in words, from the shared code list: the API's name (`progress-note`) or its LOINC code, else the
 * record's own text. Never a code.
 */
export function noteTypeLabel(note: DocumentReference, names: CodeNameMessages): string | undefined {
  const text = note.type?.text;
  const coding = note.type?.coding?.[0];
  if (!text && !coding) return undefined;
  if (text && !listedName('noteType', text, names)) return text;
  return codeName('noteType', text ?? coding?.code, names, coding?.display);
}

export function docStatusLabel(status: string | undefined, messages: NoteEditorMessages): string | undefined {
  if (status === 'preliminary') return messages.docStatusPreliminary;
  if (status === 'final') return messages.docStatusFinal;
  if (status === 'amended') return messages.docStatusAmended;
  return status;
}
