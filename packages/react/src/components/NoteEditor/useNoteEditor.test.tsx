import type { DocumentReference } from '@clinikapi/core';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordsOf } from '../../test/emulator-records.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, startWithPatient, submit } from '../../test/widget-hooks.ts';
import { useNoteEditor } from './useNoteEditor.ts';

afterEach(() => window.localStorage.clear());

describe('useNoteEditor', () => {
  it('refuses a note with nothing written, and sends nothing', async () => {
    const { emulator, patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useNoteEditor({ patientId, autosave: false }));
    await waitFor(() => expect(hook.result.current.recordsStatus).toBe('empty'));
    await submit(hook);
    expect(hook.result.current.errorOf('content')).toBeTruthy();
    expect(await recordsOf(emulator, 'notes', patientId)).toHaveLength(0);
  });

  it('keeps a draft while typing, restores it in a new editor, and drops it once the note is saved', async () => {
    const { emulator, patientId } = await startWithPatient();
    const first = renderHookWithClient(() => useNoteEditor({ patientId, autosaveDelay: 10 }));
    fill(first, { title: 'Follow-up', content: '**Better** since last week.' });
    await waitFor(() => expect(first.result.current.draft.status).toBe('saved'));
    expect(first.result.current.dirty).toBe(true);
    first.unmount();

    const onSuccess = vi.fn();
    const second = renderHookWithClient(() => useNoteEditor({ patientId, authorId: 'prac-1', autosaveDelay: 10, onSuccess }));
    await waitFor(() => expect(second.result.current.draft.status).toBe('restored'));
    expect(second.result.current.content).toBe('**Better** since last week.');

    await submit(second);
    expect(second.result.current.status).toBe('success');
    const [saved] = await recordsOf<DocumentReference>(emulator, 'notes', patientId);
    expect(saved?.description).toBe('Follow-up');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: saved?.id }));
    expect(second.result.current.draft.status).toBe('none');
    await waitFor(() => expect(second.result.current.records.map((record) => record.id)).toEqual([saved?.id]));
  });

  it('is forbidden and not writable when the user’s access leaves notes out', async () => {
    const { patientId } = await startWithPatient();
    const hook = renderHookWithClient(() => useNoteEditor({ patientId }), { provider: { access: { patients: ['read'] } } });
    expect(hook.result.current.recordsStatus).toBe('forbidden');
    expect(hook.result.current.writable).toBe(false);
  });
});
