import type { DocumentReference } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { renderWithClient } from '../../test/render.tsx';
import { requestsWith } from '../../test/requests.ts';
import { draftKey } from './note-draft.ts';
import { NoteEditor } from './NoteEditor.tsx';

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Mensah');
  if (options.existing) {
    await createRecord(emulator, 'notes', {
      patientId,
      title: 'Intake',
      content: 'First visit.',
      type: 'history-and-physical',
      date: '2024-09-01T09:00:00Z',
    });
    await createRecord(emulator, 'notes', {
      patientId,
      title: 'Follow-up Visit - Hypertension',
      content: '## Subjective\nPatient reports **better** sleep.',
      contentType: 'text/markdown',
      type: 'progress-note',
      docStatus: 'final',
      date: '2025-02-01T09:00:00Z',
    });
  }
  return { emulator, patientId };
}

beforeEach(() => localStorage.clear());

const form = () => screen.getByRole('form', { name: 'New note' });
const recordList = () => screen.getByRole('region', { name: 'Recent notes' });
const title = () => within(form()).getByRole('textbox', { name: /Title/ });
const content = () => within(form()).getByRole('textbox', { name: /^Note/ });

/** What a `beforeunload` listener does with the event: prevented means the browser asks before leaving. */
function leavingIsQuestioned(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('NoteEditor', () => {
  it('lists recent notes newest first; a note opens to show its markdown rendered', async () => {
    const { patientId } = await setUp({ existing: true });
    const user = userEvent.setup();
    const { container } = renderWithClient(<NoteEditor patientId={patientId} />);

    expect(recordList()).toHaveAttribute('aria-busy', 'true');
    const items = await within(recordList()).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Follow-up Visit - HypertensionProgress note · Final · /),
      expect.stringMatching(/^IntakeHistory and physical · /),
    ]);
    await user.click(within(items[0] as HTMLElement).getByText('Show note'));
    expect(within(recordList()).getByRole('heading', { level: 4, name: 'Subjective' })).toBeVisible();
    expect(within(recordList()).getByText('better').tagName).toBe('STRONG');
    await expectNoAxeViolations(container);
  });

  it('says so when nothing is on record', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(<NoteEditor patientId={patientId} />);
    expect(await within(recordList()).findByText('No notes yet.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('writes a markdown note with a preview, saves it as documented and clears the draft', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(
      <NoteEditor patientId={patientId} authorId="prac-3" encounterId="enc-9" onSuccess={onSuccess} />,
    );
    await within(recordList()).findByText('No notes yet.');

    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Note type' }), 'Consultation note');
    await user.type(within(form()).getByRole('textbox', { name: /Category/ }), 'cardiology');
    await user.type(within(form()).getByRole('textbox', { name: /Practice setting/ }), 'cardiology');
    await user.type(title(), 'Chest pain review');
    await user.type(content(), '## Assessment{Enter}Stable *angina*{Enter}{Enter}- Start aspirin');

    const toggle = within(form()).getByRole('button', { name: 'Show preview' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const preview = within(form()).getByRole('region', { name: 'Preview' });
    expect(within(preview).getByRole('heading', { level: 4, name: 'Assessment' })).toBeVisible();
    expect(within(preview).getByText('angina').tagName).toBe('EM');
    expect(within(preview).getByRole('listitem')).toHaveTextContent('Start aspirin');
    await expectNoAxeViolations(container);

    await user.click(within(form()).getByRole('button', { name: 'Save note' }));
    expect(await within(form()).findByRole('status')).toHaveTextContent('Saved “Chest pain review”.');
    expect(await within(recordList()).findByText('Chest pain review')).toBeVisible();
    expect(title()).toHaveValue('');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'DocumentReference' }));
    expect(localStorage.getItem(draftKey(patientId, 'enc-9'))).toBeNull();
    expect(leavingIsQuestioned()).toBe(false);

    const [stored] = await recordsOf<DocumentReference>(emulator, 'notes', patientId);
    expect(stored).toMatchObject({
      description: 'Chest pain review',
      docStatus: 'final',
      type: { coding: [{ system: 'http://loinc.org', code: '11488-4' }], text: 'consultation-note' },
      category: [{ text: 'cardiology' }],
      author: [{ reference: 'Practitioner/prac-3' }],
      context: { encounter: [{ reference: 'Encounter/enc-9' }], practiceSetting: { text: 'cardiology' } },
      content: [{ attachment: { contentType: 'text/markdown; charset=utf-8' } }],
    });
    const text = new TextDecoder().decode(Uint8Array.from(atob(stored?.content[0]?.attachment.data ?? ''), (char) => char.charCodeAt(0)));
    expect(text).toBe('## Assessment\nStable *angina*\n\n- Start aspirin');
  });

  it('validates before sending and focuses the title', async () => {
    const { patientId } = await setUp();
    const writes = requestsWith('POST');
    const user = userEvent.setup();
    const { container } = renderWithClient(<NoteEditor patientId={patientId} />);
    await user.click(within(form()).getByRole('button', { name: 'Save note' }));

    await waitFor(() => expect(title()).toHaveFocus());
    expect(title()).toHaveAccessibleDescription('Required');
    expect(content()).toBeInvalid();
    expect(writes).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('autosaves a draft per patient and encounter, restores it on return, warns before leaving, and discards it', async () => {
    const { patientId } = await setUp();
    const user = userEvent.setup();
    const first = renderWithClient(<NoteEditor patientId={patientId} encounterId="enc-1" />);
    expect(leavingIsQuestioned()).toBe(false);
    await user.type(title(), 'Unfinished');
    await user.type(content(), 'Line one');
    expect(leavingIsQuestioned()).toBe(true);

    expect(await within(form()).findByText(/^Draft saved on this device at/, {}, { timeout: 3000 })).toBeVisible();
    expect(JSON.parse(localStorage.getItem(draftKey(patientId, 'enc-1')) ?? '{}')).toMatchObject({
      values: { title: 'Unfinished', content: 'Line one' },
    });
    first.unmount();
    expect(leavingIsQuestioned()).toBe(false);

    // Another encounter has its own draft: nothing to restore there.
    const other = renderWithClient(<NoteEditor patientId={patientId} encounterId="enc-2" />);
    expect(title()).toHaveValue('');
    other.unmount();

    const { container } = renderWithClient(<NoteEditor patientId={patientId} encounterId="enc-1" />);
    await waitFor(() => expect(title()).toHaveValue('Unfinished'));
    expect(content()).toHaveValue('Line one');
    expect(within(form()).getByText(/^Your unsaved draft from .* was restored\./)).toBeVisible();
    expect(leavingIsQuestioned()).toBe(true);
    await expectNoAxeViolations(container);

    await user.click(within(form()).getByRole('button', { name: 'Discard draft' }));
    expect(title()).toHaveValue('');
    expect(localStorage.getItem(draftKey(patientId, 'enc-1'))).toBeNull();
    expect(leavingIsQuestioned()).toBe(false);
  });

  it('starts afresh for another encounter, and finds the first one’s draft on the way back', async () => {
    const { patientId } = await setUp();
    const user = userEvent.setup();
    const { rerender } = renderWithClient(<NoteEditor patientId={patientId} encounterId="enc-1" />);
    await user.type(title(), 'Ward round');
    await within(form()).findByText(/^Draft saved on this device at/, {}, { timeout: 3000 });

    rerender(<NoteEditor patientId={patientId} encounterId="enc-2" />);
    expect(title()).toHaveValue('');
    expect(leavingIsQuestioned()).toBe(false);

    rerender(<NoteEditor patientId={patientId} encounterId="enc-1" />);
    await waitFor(() => expect(title()).toHaveValue('Ward round'));
  });

  it('can be operated with the keyboard alone', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    renderWithClient(<NoteEditor patientId={patientId} />);
    await within(recordList()).findByText('No notes yet.');

    await user.tab(); // note type
    expect(within(form()).getByRole('combobox', { name: 'Note type' })).toHaveFocus();
    await user.tab(); // status
    await user.tab(); // category
    await user.tab(); // practice setting
    await user.tab(); // title
    expect(title()).toHaveFocus();
    await user.keyboard('Telephone follow-up');
    await user.tab();
    expect(content()).toHaveFocus();
    await user.keyboard('Doing **well**.');
    await user.tab();
    await user.keyboard('{Enter}'); // show preview
    expect(within(form()).getByRole('region', { name: 'Preview' })).toHaveTextContent('Doing well.');
    await user.tab();
    expect(within(form()).getByRole('button', { name: 'Save note' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Saved “Telephone follow-up”.');
    const [stored] = await recordsOf<DocumentReference>(emulator, 'notes', patientId);
    expect(stored?.type?.text).toBe('progress-note');
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    render(<NoteEditor proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Follow-up Visit - Hypertension')).toBeVisible();
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    renderWithClient(
      <NoteEditor
        patientId={patientId}
        theme="dark"
        unstyled
        autosave={false}
        className="mine"
        classNames={{ form: 'my-form', preview: 'my-preview' }}
      />,
      { provider: { messages: { noteEditor: { title: 'Notes', save: 'Sign note' } } } as never },
    );
    const root = screen.getByRole('region', { name: 'Notes' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(root).toHaveAttribute('data-draft', 'none');
    expect(screen.getByRole('form', { name: 'New note' })).toHaveClass('my-form');
    expect(screen.getByRole('button', { name: 'Sign note' })).toBeVisible();
  });
});
