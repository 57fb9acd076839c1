import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { clinikoHandlers, envelope, STORY_CLINIKO_URL, withCliniko } from '../../../../../../.storybook/cliniko.tsx';
import type { ClinikoList, ClinikoPatient } from '../../types.ts';
import { OnlineBooking } from './OnlineBooking.tsx';

const meta = {
  title: 'Cliniko/OnlineBooking',
  component: OnlineBooking,
  args: { onSuccess: fn(), onError: fn() },
  decorators: [withCliniko],
  beforeEach({ msw }) {
    msw.use(...clinikoHandlers({ behaviour: { doubleBooking: 'refuse' } }).handlers);
  },
} satisfies Meta<typeof OnlineBooking>;

export default meta;
type Story = StoryObj<typeof meta>;

const widget = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement).findByRole('region', { name: 'Book an appointment' }));

/** The story's signed-in patient: the first seeded Nguyen, found the way an app would find them. */
function AsPatient({ children }: { children: (patientId: string) => ReactNode }) {
  const found = useQuery({
    queryKey: ['story', 'patient'],
    queryFn: async () =>
      (
        (await (await fetch(`${STORY_CLINIKO_URL}/patients?q[]=${encodeURIComponent('last_name:=Nguyen')}`)).json()) as ClinikoList<
          'patients',
          ClinikoPatient
        >
      ).patients[0],
    staleTime: Infinity,
  });
  return found.data ? children(found.data.id) : <p>Finding the story’s patient…</p>;
}

/** Chooses the Standard Consultation and the first free time (the first day with one is chosen already). */
async function chooseATime(canvasElement: HTMLElement) {
  const booking = await widget(canvasElement);
  await userEvent.click(await booking.findByRole('radio', { name: /Standard Consultation/ }));
  const times = await booking.findByRole('group', { name: /^Time/ });
  await userEvent.click(within(times).getAllByRole('radio')[0] as HTMLElement);
  return booking;
}

/** Front desk: any patient, found by name. */
export const FrontDesk: Story = {
  play: async ({ canvasElement, args }) => {
    const booking = await chooseATime(canvasElement);
    await expect(booking.getByRole('group', { name: /^Time/ })).toHaveAccessibleDescription(
      /^Times are in the clinic’s time zone: .* \(Australia\/Melbourne\)\.$/,
    );
    await userEvent.type(booking.getByRole('searchbox', { name: 'Find the patient' }), 'Smithers');
    const matches = await booking.findByRole('group', { name: 'Matching patients' });
    await userEvent.click((await within(matches).findAllByRole('radio'))[0] as HTMLElement);
    await userEvent.click(booking.getByRole('button', { name: 'Book appointment' }));
    await expect(await booking.findByText(/^Booked: Standard Consultation with Dr Amelia Chen/)).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

/** A signed-in patient books for themselves: no search, no new patient. */
export const SignedInPatient: Story = {
  render: (args) => <AsPatient>{(patientId) => <OnlineBooking {...args} patientId={patientId} />}</AsPatient>,
  play: async ({ canvasElement }) => {
    const booking = await chooseATime(canvasElement);
    await expect(await booking.findByText(/^Booking for .* Nguyen\.$/)).toBeVisible();
    await expect(booking.queryByRole('searchbox')).toBeNull();
    await expect(booking.queryByRole('radio', { name: 'A new patient' })).toBeNull();
    await userEvent.click(booking.getByRole('button', { name: 'Book appointment' }));
    await expect(await booking.findByText(/^Booked:/)).toBeVisible();
  },
};

export const NewPatient: Story = {
  play: async ({ canvasElement }) => {
    const booking = await chooseATime(canvasElement);
    await userEvent.click(booking.getByRole('radio', { name: 'A new patient' }));
    await userEvent.type(booking.getByRole('textbox', { name: /First name/ }), 'Ada');
    await userEvent.type(booking.getByRole('textbox', { name: /Family name/ }), 'Park');
    await expect(booking.getByRole('region', { name: 'Check and book' })).toHaveTextContent(/for Ada Park\.$/);
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_CLINIKO_URL}/businesses`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    const booking = await widget(canvasElement);
    await expect(within(booking.getByRole('group', { name: 'Location' })).getByText('Loading…')).toBeVisible();
  },
};

export const NothingToBook: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_CLINIKO_URL}/businesses`, () =>
        HttpResponse.json({ businesses: [], total_entries: 0, links: { self: `${STORY_CLINIKO_URL}/businesses` } }),
      ),
    );
  },
  play: async ({ canvasElement }) => {
    await expect(await (await widget(canvasElement)).findByText('No location takes online bookings.')).toBeVisible();
  },
};

/** 401: the session ended while the page was open. */
export const SessionEnded: Story = {
  beforeEach({ msw }) {
    msw.use(http.get(`${STORY_CLINIKO_URL}/businesses`, () => HttpResponse.json(envelope('UNAUTHORIZED'), { status: 401 })));
  },
  play: async ({ canvasElement }) => {
    await expect(
      await (await widget(canvasElement)).findByText(/^The locations could not be loaded\. Your session has ended/),
    ).toBeVisible();
  },
};

/** 403: the proxy's policy does not share the directory with this user. */
export const Forbidden: Story = {
  beforeEach({ msw }) {
    msw.use(http.get(`${STORY_CLINIKO_URL}/businesses/:id/practitioners`, () => HttpResponse.json(envelope('FORBIDDEN'), { status: 403 })));
  },
  play: async ({ canvasElement }) => {
    await expect(
      await (
        await widget(canvasElement)
      ).findByText(/^The practitioners could not be loaded\. Your account does not have access to these records/),
    ).toBeVisible();
  },
};

/** 404: the signed-in patient's record is not there (or not theirs: the proxy says the same). */
export const PatientNotFound: Story = {
  args: { patientId: '836447129235899999' },
  play: async ({ canvasElement }) => {
    await chooseATime(canvasElement);
    await expect(
      await (await widget(canvasElement)).findByText(/^Your details could not be loaded\. This record could not be found/),
    ).toBeVisible();
  },
};

/** 422: Cliniko refuses the new patient's email; it is shown on the field. */
export const InvalidPatient: Story = {
  play: async ({ canvasElement, args }) => {
    const booking = await chooseATime(canvasElement);
    await userEvent.click(booking.getByRole('radio', { name: 'A new patient' }));
    await userEvent.type(booking.getByRole('textbox', { name: /First name/ }), 'Ada');
    await userEvent.type(booking.getByRole('textbox', { name: /Family name/ }), 'Park');
    await userEvent.type(booking.getByRole('textbox', { name: 'Email' }), 'not an email');
    await userEvent.click(booking.getByRole('button', { name: 'Book appointment' }));
    const email = booking.getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(email).toHaveAccessibleDescription('is invalid'));
    await expect(email).toHaveFocus();
    await expect(args.onError).toHaveBeenCalled();
  },
};

/** 429: Cliniko's 200 a minute is used up; the times cannot be read until it resets. */
export const RateLimited: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_CLINIKO_URL}/businesses/:b/practitioners/:p/appointment_types/:t/available_times`, () =>
        HttpResponse.json(envelope('RATE_LIMITED'), { status: 429, headers: { 'retry-after': '42' } }),
      ),
    );
  },
  play: async ({ canvasElement }) => {
    const booking = await widget(canvasElement);
    await userEvent.click(await booking.findByRole('radio', { name: /Standard Consultation/ }));
    await expect(await booking.findByText(/^The free times could not be loaded\. Too many requests/)).toBeVisible();
  },
};

/** Someone else takes the time between the check and the booking: Cliniko refuses it, and other times are offered. */
export const LostRace: Story = {
  beforeEach({ msw }) {
    const { handlers, shard } = clinikoHandlers({ behaviour: { doubleBooking: 'refuse' } });
    const call = async (path: string, init?: RequestInit) =>
      (await shard()).handleProxyRequest(new Request(`${location.origin}${STORY_CLINIKO_URL}/${path}`, init), STORY_CLINIKO_URL);
    // The first matching handler answers: the booking is intercepted once, everything else goes to the shard.
    msw.use(
      http.post(
        `${STORY_CLINIKO_URL}/individual_appointments`,
        async ({ request }) => {
          const other = ((await (await call('patients?per_page=1')).json()) as ClinikoList<'patients', ClinikoPatient>).patients[0];
          const taken = { ...((await request.clone().json()) as Record<string, string>), patient_id: other?.id };
          await call('individual_appointments', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(taken),
          });
          return (await shard()).handleProxyRequest(request, STORY_CLINIKO_URL);
        },
        { once: true },
      ),
      ...handlers,
    );
  },
  play: async ({ canvasElement }) => {
    const booking = await chooseATime(canvasElement);
    await userEvent.click(booking.getByRole('radio', { name: 'A new patient' }));
    await userEvent.type(booking.getByRole('textbox', { name: /First name/ }), 'Ada');
    await userEvent.type(booking.getByRole('textbox', { name: /Family name/ }), 'Park');
    await userEvent.click(booking.getByRole('button', { name: 'Book appointment' }));
    await expect(await booking.findByText(/^Sorry — .* was booked by someone else a moment ago/)).toBeVisible();
    const offered = within(booking.getByRole('group', { name: 'The next free times' })).getAllByRole('button');
    await expect(offered[0]).toHaveFocus();
  },
};
