import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { WithClinicalRecord } from '../../../../../.storybook/WithClinicalRecord.tsx';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { errorAnswer } from '../../test/error-answers.ts';
import { FRONT_DESK } from '../../test/refusals.ts';
import { PatientDashboard } from './PatientDashboard.tsx';

const meta = {
  title: 'Widgets/PatientDashboard',
  component: PatientDashboard,
  args: { patientId: 'looked up by name', onPatientCreated: fn(), onPatientUpdated: fn(), onError: fn() },
  render: (args) => <WithClinicalRecord>{(patientId) => <PatientDashboard {...args} patientId={patientId} />}</WithClinicalRecord>,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof PatientDashboard>;

export default meta;
type Story = StoryObj<typeof meta>;

const record = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement).findByRole('region', { name: 'Record of Amara Okafor' }));
const section = (canvas: ReturnType<typeof within>, name: string) => within(canvas.getByRole('region', { name }));

/** What a colleague's client would do: change the patient behind this screen's back. */
async function colleagueSaves(changes: object): Promise<void> {
  const found = (await (await fetch(`${STORY_PROXY_URL}/patients?name=Okafor`)).json()) as { data: { data: { id: string }[] } };
  const id = found.data.data[0]?.id ?? '';
  await fetch(`${STORY_PROXY_URL}/patients/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(changes),
  });
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const dashboard = await record(canvasElement);
    await expect(await dashboard.findByRole('heading', { level: 3, name: 'Amara Okafor' })).toBeVisible();
    await expect(section(dashboard, 'Latest vitals').getByText('Systolic High ↑')).toBeVisible();
    await expect(section(dashboard, 'Medications').getByText('Amlodipine 5mg tablet')).toBeVisible();
    await expect(section(dashboard, 'Upcoming appointments').getByText('Blood pressure review')).toBeVisible();
    await expect(section(dashboard, 'Clinical notes').getByText('Emergency department discharge')).toBeVisible();
  },
};

export const Trends: Story = {
  play: async ({ canvasElement }) => {
    const dashboard = await record(canvasElement);
    await userEvent.click(await dashboard.findByRole('button', { name: 'Show trends' }));
    const trends = await dashboard.findByRole('region', { name: 'Vital sign trends' });
    await waitFor(() => expect(trends.querySelector('svg.recharts-surface')).toBeInTheDocument(), { timeout: 15_000 });
  },
};

export const Schedule: Story = {
  args: { timeZone: 'America/Chicago' },
  play: async ({ canvasElement }) => {
    const dashboard = await record(canvasElement);
    const open = await dashboard.findByRole('button', { name: 'Schedule an appointment' });
    open.focus();
    await userEvent.keyboard('{Enter}');
    await expect(await dashboard.findByRole('region', { name: 'Book an appointment' }, { timeout: 15_000 })).toBeVisible();
    await expect(dashboard.getByRole('button', { name: 'Close the scheduler' })).toHaveAttribute('aria-expanded', 'true');
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_PROXY_URL}/patients/:id`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    const dashboard = within(await within(canvasElement).findByRole('region', { name: 'Patient record' }));
    await expect(dashboard.getByText('Loading the patient’s record…')).toBeInTheDocument();
  },
};

export const StillSyncing: Story = {
  beforeEach({ msw }) {
    // The search index has not caught up with this patient: the record falls back to a read by id.
    msw.use(
      http.get(`${STORY_PROXY_URL}/patients/:id`, ({ request }) =>
        new URL(request.url).searchParams.has('_revinclude') ? errorAnswer('NOT_FOUND', { requestId: 'req_lag' }) : undefined,
      ),
    );
  },
  play: async ({ canvasElement }) => {
    const dashboard = await record(canvasElement);
    await expect(await dashboard.findByText(/records are still being indexed; the sections below fill in/)).toBeVisible();
    await expect(section(dashboard, 'Medications').getByRole('button', { name: 'Refresh' })).toBeEnabled();
  },
};

export const ServerError: Story = serverErrorStory('GET', 'patients/:id', {
  play: async ({ canvasElement }) => {
    const dashboard = within(await within(canvasElement).findByRole('region', { name: 'Patient record' }));
    await expect(await dashboard.findByText(/The patient could not be loaded/)).toBeVisible();
    await expect(dashboard.getByText('Reference: req_story')).toBeVisible();
  },
});

export const EmptyRecord: Story = {
  render: (args) => <WithClinicalRecord empty>{(patientId) => <PatientDashboard {...args} patientId={patientId} />}</WithClinicalRecord>,
  play: async ({ canvasElement }) => {
    const dashboard = await record(canvasElement);
    await expect(await dashboard.findByText('No vitals recorded.')).toBeVisible();
    await expect(dashboard.getByText('No upcoming appointments.')).toBeVisible();
  },
};

export const Create: Story = {
  render: (args) => <PatientDashboard {...args} patientId={undefined} />,
  play: async ({ canvasElement, args }) => {
    const form = within(await within(canvasElement).findByRole('form', { name: 'New patient' }));
    await userEvent.click(form.getByRole('button', { name: 'Create patient' }));
    await waitFor(() => expect(form.getByRole('textbox', { name: /First name/ })).toHaveFocus());
    await userEvent.type(form.getByRole('textbox', { name: /First name/ }), 'Ngozi');
    await userEvent.type(form.getByRole('textbox', { name: /Last name/ }), 'Eze');
    await userEvent.type(form.getByRole('textbox', { name: 'Email' }), 'ngozi.eze@example.org');
    await userEvent.click(form.getByRole('button', { name: 'Create patient' }));
    await expect(await within(canvasElement).findByRole('heading', { level: 3, name: 'Ngozi Eze' })).toBeVisible();
    await expect(args.onPatientCreated).toHaveBeenCalledOnce();
  },
};

export const Edit: Story = {
  play: async ({ canvasElement, args }) => {
    const dashboard = await record(canvasElement);
    await userEvent.click(await dashboard.findByRole('button', { name: 'Edit details' }));
    const form = within(dashboard.getByRole('form', { name: 'Edit Amara Okafor' }));
    const phone = form.getByRole('textbox', { name: 'Phone' });
    await userEvent.clear(phone);
    await userEvent.type(phone, '+1 512 555 0199{Enter}');
    await expect(await dashboard.findByRole('link', { name: '+1 512 555 0199' })).toBeVisible();
    await expect(args.onPatientUpdated).toHaveBeenCalledOnce();
  },
};

export const Conflict: Story = {
  play: async ({ canvasElement }) => {
    const dashboard = await record(canvasElement);
    await userEvent.click(await dashboard.findByRole('button', { name: 'Edit details' }));
    const form = within(dashboard.getByRole('form', { name: 'Edit Amara Okafor' }));
    await colleagueSaves({ email: 'amara@clinic.example' });
    const email = form.getByRole('textbox', { name: 'Email' });
    await userEvent.clear(email);
    await userEvent.type(email, 'amara.o@example.org');
    await userEvent.click(form.getByRole('button', { name: 'Save changes' }));
    await expect(await form.findByText('Someone else changed this patient while you were editing.')).toBeVisible();
    await expect(form.getByRole('button', { name: 'Review the latest version' })).toHaveFocus();
    await expect(form.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  },
};

/** A front desk's dashboard: the grants leave out every clinical section — no dead ends, nothing asked for that would be refused. */
export const FrontDesk: Story = {
  parameters: { access: FRONT_DESK },
  play: async ({ canvasElement }) => {
    const dashboard = await record(canvasElement);
    await expect(await dashboard.findByRole('heading', { level: 3, name: 'Amara Okafor' })).toBeVisible();
    await expect(await dashboard.findByRole('region', { name: 'Upcoming appointments' })).toBeVisible();
    for (const clinical of ['Latest vitals', 'Medications', 'Encounters', 'Lab results', 'Clinical notes', 'Allergies and conditions']) {
      await expect(dashboard.queryByRole('region', { name: clinical })).toBeNull();
    }
    await expect(dashboard.queryByText(/could not be loaded/)).toBeNull();
  },
};

/** The create form: a name too long says so, with its limit — not that the name is missing. */
export const NameTooLong: Story = {
  render: (args) => <PatientDashboard {...args} patientId={undefined} />,
  play: async ({ canvasElement }) => {
    const form = within(await within(canvasElement).findByRole('form', { name: 'New patient' }));
    await userEvent.type(form.getByRole('textbox', { name: /First name/ }), 'Ngozi');
    await userEvent.click(form.getByRole('textbox', { name: /Last name/ }));
    await userEvent.paste('E'.repeat(101));
    await userEvent.click(form.getByRole('button', { name: 'Create patient' }));
    await waitFor(() => expect(form.getByRole('textbox', { name: /Last name/ })).toHaveAccessibleDescription('At most 100 characters'));
  },
};
