import type { Meta, StoryObj } from '@storybook/react-vite';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { http } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { errorAnswer } from '../../test/error-answers.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { AppointmentScheduler } from './AppointmentScheduler.tsx';
import { toInstantString, zonedToInstant } from './zoned-time.ts';

const ZONE = 'America/Chicago';

/** A weekday more than a week ahead: always in the future, so every time of the day can be booked. */
function storyDay(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 8);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${STORY_PROXY_URL}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { data: T }).data;
}

/** A practitioner with one appointment (someone else's) at 9:00–9:30 on the story's day. */
async function seedClinicDay(): Promise<{ practitionerId: string; date: string }> {
  const date = storyDay();
  const practitioner = await post<{ id: string }>('practitioners', { firstName: 'Ravi', lastName: 'Shah', prefix: ['Dr.'] });
  const patients = (await (await fetch(`${STORY_PROXY_URL}/patients?name=Hartley`)).json()) as { data: { data: { id: string }[] } };
  const nine = zonedToInstant(date, '09:00', ZONE);
  await post('appointments', {
    status: 'booked',
    patientId: patients.data.data[0]?.id,
    practitionerId: practitioner.id,
    start: toInstantString(nine),
    end: toInstantString(nine + 30 * 60_000),
  });
  return { practitionerId: practitioner.id, date };
}

/** Seeds the story's fresh emulator once (the story's own QueryClient remembers it), then renders. */
function WithClinicDay({ children }: { children: (clinic: { practitionerId: string; date: string }) => ReactNode }) {
  const seeded = useQuery({ queryKey: ['story', 'clinic-day'], queryFn: seedClinicDay, staleTime: Infinity });
  if (seeded.isError) return <p role="alert">The story's clinic day could not be set up.</p>;
  return seeded.data ? children(seeded.data) : <p>Setting up the story's clinic day…</p>;
}

/** The widget's creates carry an Idempotency-Key; the story's own seeding does not, and must not be failed. */
const fromWidget = (request: Request) => request.headers.has('idempotency-key');

const meta = {
  title: 'Widgets/AppointmentScheduler',
  component: AppointmentScheduler,
  args: { patientId: 'looked up by name', timeZone: ZONE, onSuccess: fn(), onError: fn() },
  render: (args) => (
    <WithClinicDay>
      {(clinic) => (
        <WithPatient lastName="Okafor">
          {(patientId) => (
            <AppointmentScheduler {...args} patientId={patientId} practitionerId={clinic.practitionerId} defaultDate={clinic.date} />
          )}
        </WithPatient>
      )}
    </WithClinicDay>
  ),
} satisfies Meta<typeof AppointmentScheduler>;

export default meta;
type Story = StoryObj<typeof meta>;

const form = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('form', { name: 'Book an appointment' }));
const slot = async (canvasElement: HTMLElement, time: string) =>
  (await form(canvasElement)).findByRole('radio', { name: new RegExp(`^${time.replace(' ', '\\s')}`) });

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await fields.findByText('Booked');
  await userEvent.click(await slot(canvasElement, '10:00 AM'));
  await userEvent.selectOptions(fields.getByRole('combobox', { name: 'Appointment type' }), 'Follow-up');
  await userEvent.type(fields.getByRole('textbox', { name: 'Service type' }), 'Cardiology consultation');
  await userEvent.type(fields.getByRole('textbox', { name: 'Description' }), 'Follow-up for hypertension');
  await userEvent.type(fields.getByRole('textbox', { name: 'Reason for the visit' }), 'Blood pressure check');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const fields = await form(canvasElement);
    await expect(await fields.findByText('Booked')).toBeVisible();
    await expect(fields.getByText(/Times are in Central (Standard|Daylight) Time/)).toBeVisible();
    await expect(await slot(canvasElement, '9:00 AM')).toBeDisabled();
    await expect(await slot(canvasElement, '10:00 AM')).toBeEnabled();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    await expect(await slot(canvasElement, '10:00 AM')).toBeChecked();
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await fields.findByText('Booked');
    await userEvent.click(fields.getByRole('button', { name: 'Book appointment' }));
    const times = fields.getByRole('radiogroup', { name: /^Time/ });
    await waitFor(() => expect(times).toHaveAccessibleDescription(expect.stringContaining('Choose a time')));
    await expect(await slot(canvasElement, '8:00 AM')).toHaveFocus();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory(
  'POST',
  'appointments',
  {
    play: async ({ canvasElement, args }) => {
      await fillIn(canvasElement);
      const fields = await form(canvasElement);
      await userEvent.click(fields.getByRole('button', { name: 'Book appointment' }));
      await expect(await fields.findByRole('alert')).toHaveTextContent('The appointment was not booked.');
      await expect(await slot(canvasElement, '10:00 AM')).toBeChecked();
      await expect(args.onError).toHaveBeenCalled();
    },
  },
  { when: fromWidget },
);

export const SlotTaken: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.post(`${STORY_PROXY_URL}/appointments`, ({ request }) =>
        fromWidget(request) ? errorAnswer('CONFLICT', { requestId: 'req_story' }) : undefined,
      ),
    );
  },
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Book appointment' }));
    const times = fields.getByRole('radiogroup', { name: /^Time/ });
    await waitFor(() => expect(times).toHaveAccessibleDescription(expect.stringContaining('booked by someone else')));
    await expect(await slot(canvasElement, '10:00 AM')).toHaveFocus();
  },
};

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Book appointment' }));
    await expect(await fields.findByRole('status')).toHaveTextContent(/Booked for .*10:00/);
    await expect(await fields.findByText('This patient: Follow-up for hypertension')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

/** A patient booking for themselves: no priority, service type, specialty or instructions for the patient. */
export const PatientFacing: Story = {
  args: { variant: 'patient' },
  play: async ({ canvasElement }) => {
    const fields = await form(canvasElement);
    await fields.findByText('Booked');
    await expect(fields.queryByRole('combobox', { name: 'Priority' })).toBeNull();
    await expect(fields.queryByRole('textbox', { name: 'Service type' })).toBeNull();
    await expect(fields.queryByRole('textbox', { name: 'Specialty' })).toBeNull();
    await expect(fields.queryByRole('textbox', { name: /Instructions for the patient/ })).toBeNull();
    await expect(fields.getByRole('combobox', { name: 'Appointment type' })).toBeVisible();
  },
};

/** The user may not book (appointments are read-only to them): the widget says so instead of a form that would be refused. */
export const ForbiddenWrite: Story = {
  parameters: { access: { appointments: ['search', 'read'], practitioners: ['search', 'read'], patients: ['read'] } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Not available to your account.')).toBeVisible();
    await expect(within(canvasElement).queryByRole('form', { name: 'Book an appointment' })).toBeNull();
  },
};
