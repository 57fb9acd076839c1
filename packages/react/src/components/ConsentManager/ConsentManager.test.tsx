import type { Consent } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { onRequest } from '../../test/requests.ts';
import { ConsentManager } from './ConsentManager.tsx';
import { fromBase64, toBase64 } from './signature.ts';

// jsdom has no 2D canvas; the pad still records strokes, which is what is stored.
beforeEach(() => void vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
afterEach(() => {
  vi.restoreAllMocks();
});

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Okafor');
  if (options.existing) {
    await createRecord(emulator, 'consents', {
      patientId,
      status: 'inactive',
      scope: 'research',
      category: 'research',
      policyUri: 'https://example.org/study-42',
      dateTime: '2024-02-01T10:00:00Z',
    });
    await createRecord(emulator, 'consents', {
      patientId,
      status: 'active',
      scope: 'patient-privacy',
      category: 'hipaa-notice',
      policyRule: 'hipaa-auth',
      dateTime: '2025-01-10T10:00:00Z',
      sourceAttachment: { contentType: 'text/plain', data: toBase64('Amara Okafor'), title: 'Typed' },
    });
    await createRecord(emulator, 'consents', {
      patientId,
      status: 'proposed',
      scope: 'treatment',
      category: 'treatment',
      policyRule: 'cric',
      dateTime: '2025-02-01T10:00:00Z',
    });
  }
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'Record a consent' });
const records = () => screen.getByRole('region', { name: 'On record' });
const field = (name: string | RegExp) => within(form()).getByRole('textbox', { name });
/** Category and policy are choices (named from the shared code list): native selects. */
const choice = (name: RegExp) => within(form()).getByRole('combobox', { name });
const item = (name: RegExp) =>
  within(records())
    .getAllByRole('listitem')
    .find((entry) => name.test(entry.textContent ?? '')) as HTMLElement;

function countPosts(): { readonly count: () => number } {
  let posts = 0;
  onRequest((request) => {
    if (request.method === 'POST') posts += 1;
  });
  return { count: () => posts };
}

describe('ConsentManager', () => {
  it('lists the patient’s consents, in force first, with scope, category, policy, status and signature', async () => {
    const { patientId } = await setUp({ existing: true });
    const { container } = renderWithClient(<ConsentManager patientId={patientId} />);

    expect(records()).toHaveAttribute('aria-busy', 'true');
    const items = await within(records()).findAllByRole('listitem');
    expect(items.map((entry) => entry.querySelector('strong')?.textContent)).toEqual([
      'Privacy — HIPAA privacy notice',
      'Treatment — Consent to treatment',
      'Research — Research participation',
    ]);
    expect(items[0]).toHaveTextContent('In force');
    expect(items[0]).toHaveTextContent('Policy: HIPAA authorization');
    expect(items[0]).toHaveTextContent('Signed by typing “Amara Okafor”');
    expect(items[1]).toHaveTextContent('Awaiting signature');
    expect(items[2]).toHaveTextContent('Withdrawn');
    expect(within(items[2] as HTMLElement).getByRole('link', { name: 'Policy: https://example.org/study-42' })).toHaveAttribute(
      'href',
      'https://example.org/study-42',
    );
    // What can be done next depends on the status; a withdrawn consent is closed.
    expect(within(items[0] as HTMLElement).getByRole('button', { name: 'Withdraw…' })).toBeVisible();
    expect(within(items[1] as HTMLElement).getByRole('button', { name: 'Sign…' })).toBeVisible();
    expect(within(items[1] as HTMLElement).getByRole('button', { name: 'Record refusal' })).toBeVisible();
    expect(within(items[2] as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('refuses a consent without a policy (FHIR ppc-1), on the policy field, before sending', async () => {
    const { patientId } = await setUp();
    const posts = countPosts();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConsentManager patientId={patientId} />);
    await within(records()).findByText('No consents recorded.');

    await user.click(within(form()).getByRole('radio', { name: /^Privacy/ }));
    await user.selectOptions(choice(/^Category/), 'HIPAA privacy notice');
    await user.click(within(form()).getByRole('tab', { name: 'Type your name' }));
    await user.type(field('Full name'), 'Amara Okafor');
    await user.click(within(form()).getByRole('button', { name: 'Sign consent' }));

    const policy = choice(/^Policy/);
    await waitFor(() => expect(policy).toHaveAccessibleDescription(expect.stringContaining('Choose the policy the patient agrees to')));
    expect(policy).toBeInvalid();
    expect(policy).toHaveFocus();
    expect(posts.count()).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('says everything that is missing at once, starting with the scope', async () => {
    const { patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConsentManager patientId={patientId} />);
    await within(records()).findByText('No consents recorded.');
    await user.click(within(form()).getByRole('button', { name: 'Sign consent' }));

    const scopes = within(form()).getByRole('radiogroup', { name: /^Scope/ });
    await waitFor(() => expect(scopes).toHaveAccessibleDescription('Choose what the consent covers'));
    expect(within(scopes).getByRole('radio', { name: /^Privacy/ })).toHaveFocus();
    expect(choice(/^Category/)).toHaveAccessibleDescription(expect.stringContaining('Choose the category'));
    expect(choice(/^Policy/)).toHaveAccessibleDescription(expect.stringContaining('Choose the policy'));
    expect(within(form()).getByRole('img', { name: /Signature area/ })).toHaveAccessibleDescription(
      expect.stringContaining('Sign by drawing, or type your full name'),
    );
    await expectNoAxeViolations(container);
  });

  it('signs by drawing on the pad with a pointer, and stores the drawing as the consent’s signature', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConsentManager patientId={patientId} defaultPolicy="hipaa-auth" onSuccess={onSuccess} />);
    await within(records()).findByText('No consents recorded.');

    await user.click(within(form()).getByRole('radio', { name: /^Treatment/ }));
    await user.selectOptions(choice(/^Category/), 'Consent to treatment');
    const pad = within(form()).getByRole('img', { name: /Signature area/ });
    await user.pointer([
      { keys: '[MouseLeft>]', target: pad, coords: { clientX: 20, clientY: 90 } },
      { target: pad, coords: { clientX: 80, clientY: 60 } },
      { target: pad, coords: { clientX: 140, clientY: 110 } },
      { keys: '[/MouseLeft]', target: pad },
    ]);
    expect(within(form()).getByText('Signature drawn.')).toBeVisible();
    await user.click(within(form()).getByRole('button', { name: 'Sign consent' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Consent signed and in force.');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'Consent', status: 'active' }));
    const [stored] = await recordsOf<Consent>(emulator, 'consents', patientId);
    expect(stored).toMatchObject({
      status: 'active',
      scope: { coding: [{ code: 'treatment' }] },
      category: [{ text: 'treatment' }],
      policyRule: { coding: [{ code: 'hipaa-auth' }] },
      performer: [{ reference: `Patient/${patientId}` }],
      verification: [{ verified: true, verifiedWith: { reference: `Patient/${patientId}` } }],
      sourceAttachment: { contentType: 'image/svg+xml', title: 'Drawn signature' },
    });
    expect(fromBase64(stored?.sourceAttachment?.data ?? '')).toContain('<path d="M20 90 L80 60 L140 110"/>');
    expect(await within(records()).findByRole('img', { name: 'Signature' })).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('takes the policy as a web address, and saves a draft without a signature', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConsentManager patientId={patientId} />);
    await within(records()).findByText('No consents recorded.');

    await user.click(within(form()).getByRole('radio', { name: /^Research/ }));
    await user.selectOptions(choice(/^Category/), 'Research participation');
    await user.selectOptions(choice(/^Policy/), 'Another policy, by its web address…');
    await user.type(within(form()).getByRole('textbox', { name: /^Policy address/ }), 'https://example.org/study-42');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Provision' }), 'Permit');
    await user.type(within(form()).getByLabelText('In force until'), '2026-12-31');
    await user.click(within(form()).getByRole('button', { name: 'Save as draft' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Consent saved as a draft.');
    const [stored] = await recordsOf<Consent>(emulator, 'consents', patientId);
    expect(stored).toMatchObject({
      status: 'draft',
      policy: [{ uri: 'https://example.org/study-42' }],
      provision: { type: 'permit', period: { end: '2026-12-31' } },
    });
    expect(stored?.sourceAttachment).toBeUndefined();
    expect(await within(records()).findByRole('button', { name: 'Send for signature' })).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('moves a consent through its lifecycle: draft, sent for signature, signed, withdrawn; or refused', async () => {
    const { emulator, patientId } = await setUp();
    await createRecord(emulator, 'consents', {
      patientId,
      status: 'draft',
      scope: 'patient-privacy',
      category: 'hipaa-notice',
      policyRule: 'hipaa-auth',
    });
    await createRecord(emulator, 'consents', {
      patientId,
      status: 'proposed',
      scope: 'research',
      category: 'research',
      policyRule: 'hipaa-research',
    });
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConsentManager patientId={patientId} onSuccess={onSuccess} />);
    await within(records()).findAllByRole('listitem');
    const stored = async () =>
      (await recordsOf<Consent>(emulator, 'consents', patientId))
        .map((consent) => `${consent.scope?.coding?.[0]?.code}:${consent.status}`)
        .sort();

    await user.click(within(item(/HIPAA privacy notice/)).getByRole('button', { name: 'Send for signature' }));
    await waitFor(() => expect(item(/HIPAA privacy notice/)).toHaveTextContent('Awaiting signature'));
    expect(item(/HIPAA privacy notice/)).toHaveFocus();

    await user.click(within(item(/HIPAA privacy notice/)).getByRole('button', { name: 'Sign…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign consent' });
    expect(dialog).toHaveAccessibleDescription('Signing puts this consent in force: Privacy — HIPAA privacy notice.');
    await user.click(within(dialog).getByRole('button', { name: 'Sign consent' }));
    expect(within(dialog).getByRole('img', { name: /Signature area/ })).toHaveAccessibleDescription(
      expect.stringContaining('Sign by drawing'),
    );
    await user.click(within(dialog).getByRole('tab', { name: 'Type your name' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Full name' }), 'Amara Okafor');
    await expectNoAxeViolations(container.ownerDocument.body);
    await user.click(within(dialog).getByRole('button', { name: 'Sign consent' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(item(/HIPAA privacy notice/)).toHaveTextContent('In force'));
    expect(item(/HIPAA privacy notice/)).toHaveFocus();
    expect(onSuccess).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'active' }));

    await user.click(within(item(/HIPAA privacy notice/)).getByRole('button', { name: 'Withdraw…' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Withdraw this consent?' });
    await user.click(within(confirm).getByRole('button', { name: 'Withdraw consent' }));
    await waitFor(() => expect(item(/HIPAA privacy notice/)).toHaveTextContent('Withdrawn'));

    await user.click(within(item(/Research/)).getByRole('button', { name: 'Record refusal' }));
    await waitFor(() => expect(item(/Research/)).toHaveTextContent('Refused'));
    expect(await stored()).toEqual(['patient-privacy:inactive', 'research:rejected']);
    const privacy = (await recordsOf<Consent>(emulator, 'consents', patientId)).find((consent) => consent.status === 'inactive');
    expect(fromBase64(privacy?.sourceAttachment?.data ?? '')).toBe('Amara Okafor');
    await expectNoAxeViolations(container);
  });

  it('shows a change someone else made meanwhile instead of overwriting it', async () => {
    const { emulator, patientId } = await setUp();
    const created = await createRecord<Consent>(emulator, 'consents', {
      patientId,
      status: 'active',
      scope: 'patient-privacy',
      category: 'hipaa-notice',
      policyRule: 'hipaa-auth',
    });
    const user = userEvent.setup();
    renderWithClient(<ConsentManager patientId={patientId} />);
    await within(records()).findAllByRole('listitem');
    // Another user changes the consent after this screen loaded it.
    await emulator.handleProxyRequest(
      new Request(`http://localhost${TEST_PROXY_URL}/consents/${created.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ category: 'npp' }),
      }),
      TEST_PROXY_URL,
    );

    await user.click(within(item(/HIPAA privacy notice/)).getByRole('button', { name: 'Withdraw…' }));
    const confirm = await screen.findByRole('alertdialog');
    await user.click(within(confirm).getByRole('button', { name: 'Withdraw consent' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent('The consent was not changed. Someone else changed this record');
    const [stored] = await recordsOf<Consent>(emulator, 'consents', patientId);
    expect(stored).toMatchObject({ status: 'active', category: [{ text: 'npp' }] });
    await expectNoAxeViolations(confirm);
  });

  it('keeps what was entered when the server fails, and records once on retry', async () => {
    const { emulator, patientId } = await setUp();
    mswServer.use(failing('POST', 'consents', { times: 1 }));
    const onError = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConsentManager patientId={patientId} defaultPolicy="hipaa-auth" onError={onError} />);
    await within(records()).findByText('No consents recorded.');
    await user.click(within(form()).getByRole('radio', { name: /^Privacy/ }));
    await user.selectOptions(choice(/^Category/), 'HIPAA privacy notice');
    await user.click(within(form()).getByRole('tab', { name: 'Type your name' }));
    await user.type(field('Full name'), 'Amara Okafor');
    await user.click(within(form()).getByRole('button', { name: 'Sign consent' }));

    const alert = await within(form()).findByRole('alert');
    expect(alert).toHaveTextContent('The consent was not recorded. Something went wrong on the server.');
    expect(field('Full name')).toHaveValue('Amara Okafor');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 500 }));
    await expectNoAxeViolations(container);

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(form()).findByRole('status')).toHaveTextContent('Consent signed and in force.');
    expect(await recordsOf(emulator, 'consents', patientId)).toHaveLength(1);
  });

  it('can be operated with the keyboard alone, signing by typing a name', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConsentManager patientId={patientId} defaultPolicy="hipaa-auth" />);
    await within(records()).findByText('No consents recorded.');

    await user.tab(); // scope: the first one
    expect(within(form()).getByRole('radio', { name: /^Privacy/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}'); // research, then treatment
    expect(within(form()).getByRole('radio', { name: /^Treatment/ })).toBeChecked();
    await user.tab(); // category: a native list, whose keys are the browser's own (jsdom has none: chosen directly)
    expect(choice(/^Category/)).toHaveFocus();
    await user.selectOptions(choice(/^Category/), 'Consent to treatment');
    await user.tab(); // policy, filled in by the app
    expect(choice(/^Policy/)).toHaveFocus();
    await user.tab(); // provision
    await user.tab(); // from
    await user.tab(); // until
    await user.tab(); // the "Draw" tab
    expect(within(form()).getByRole('tab', { name: 'Draw' })).toHaveFocus();
    await user.keyboard('{ArrowRight}'); // "Type your name"
    expect(within(form()).getByRole('tab', { name: 'Type your name' })).toHaveAttribute('aria-selected', 'true');
    await user.tab(); // the tab panel (Radix makes it a stop, so its content can be reached and read)
    expect(within(form()).getByRole('tabpanel', { name: 'Type your name' })).toHaveFocus();
    await user.tab(); // the name
    expect(field('Full name')).toHaveFocus();
    await user.keyboard('Amara Okafor{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Consent signed and in force.');
    const [stored] = await recordsOf<Consent>(emulator, 'consents', patientId);
    expect(stored).toMatchObject({
      status: 'active',
      scope: { coding: [{ code: 'treatment' }] },
      sourceAttachment: { contentType: 'text/plain' },
    });
    await expectNoAxeViolations(container);
  });

  it('offers a patient only their own steps and no provision details; withdrawing looks like what it is', async () => {
    const { patientId } = await setUp({ existing: true });
    const { container } = renderWithClient(<ConsentManager patientId={patientId} variant="patient" />);
    await within(records()).findByText('Privacy — HIPAA privacy notice');
    expect(within(form()).queryByRole('combobox', { name: 'Provision' })).toBeNull();
    expect(within(form()).queryByLabelText('In force from')).toBeNull();
    expect(within(records()).queryByRole('button', { name: 'Send for signature' })).toBeNull();
    expect(within(records()).queryByRole('button', { name: 'Record refusal' })).toBeNull();
    expect(within(item(/Consent to treatment/)).getByRole('button', { name: 'Sign…' })).toBeVisible();
    const withdraw = within(item(/HIPAA privacy notice/)).getByRole('button', { name: 'Withdraw…' });
    expect(withdraw).toHaveClass('ck-Button--destructive-outline');
    await expectNoAxeViolations(container);
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    const { container } = render(<ConsentManager proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Privacy — HIPAA privacy notice')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(
      <ConsentManager patientId={patientId} theme="dark" unstyled className="mine" classNames={{ form: 'my-form' }} />,
      { provider: { messages: { consentManager: { title: 'Agreements', sign: 'Agree and sign' } } } as never },
    );
    const root = screen.getByRole('region', { name: 'Agreements' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(form()).toHaveClass('my-form');
    expect(screen.getByRole('button', { name: 'Agree and sign' })).toBeVisible();
    await expectNoAxeViolations(container);
  });
});
