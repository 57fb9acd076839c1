/**
 * The NoteEditor's autosaved draft, in the browser's localStorage under one key per patient and encounter. Only
 * effects call these (never a render, never on import), and every call survives storage being absent, full or
 * blocked: a draft is a convenience, never a reason for the editor to fail.
 */

/** What a draft keeps: the form's values and when they were saved. */
export interface NoteDraft<TValues> {
  readonly values: TValues;
  readonly savedAt: string;
}

const PREFIX = 'clinikapi:note-draft';

/** One draft per patient and encounter, so two open charts never overwrite each other's. */
export function draftKey(patientId: string, encounterId: string | undefined): string {
  return `${PREFIX}:${patientId}:${encounterId ?? '-'}`;
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined; // access itself throws when storage is blocked
  }
}

export function readDraft<TValues extends object>(key: string, fields: TValues): NoteDraft<TValues> | undefined {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as { values?: Record<string, unknown>; savedAt?: unknown };
    if (!draft.values || typeof draft.savedAt !== 'string') return undefined;
    // Only the fields the form has, and only as text: a draft written by another version cannot inject anything else.
    const values = Object.fromEntries(
      Object.entries(fields).map(([name, fallback]) => {
        const saved = draft.values?.[name];
        return [name, typeof saved === typeof fallback ? saved : fallback];
      }),
    ) as TValues;
    return { values, savedAt: draft.savedAt };
  } catch {
    return undefined;
  }
}

export function writeDraft<TValues>(key: string, values: TValues, savedAt: string): boolean {
  try {
    storage()?.setItem(key, JSON.stringify({ values, savedAt }));
    return storage() !== undefined;
  } catch {
    return false; // quota exceeded or storage blocked
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing to clear
  }
}
