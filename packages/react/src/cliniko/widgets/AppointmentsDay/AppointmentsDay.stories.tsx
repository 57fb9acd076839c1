import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { clinikoHandlers, envelope, STORY_CLINIKO_URL, withCliniko } from '../../../../../../.storybook/cliniko.tsx';
import { addDays, todayIn } from '../zone.ts';
import { AppointmentsDay } from './AppointmentsDay.tsx';

/** The seed books weekdays a week either side of today, but not today: the next weekday has appointments. */
function nextWeekday(): string {
  let date = addDays(todayIn('Australia/Melbourne', Date.now()), 1);
  while ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay())) date = addDays(date, 1);
  return date;
}

const meta = {
  title: 'Cliniko/AppointmentsDay',
  component: AppointmentsDay,
  args: { date: nextWeekday(), onSelectAppointment: fn() },
  decorators: [withCliniko],
  beforeEach({ msw }) {
    msw.use(...clinikoHandlers().handlers);
  },
} satisfies Meta<typeof AppointmentsDay>;

export default meta;
type Story = StoryObj<typeof meta>;

const day = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('region', { name: /^Appointments/ }));

/** A business's day: every practitioner's appointments, each type in its colour. */
export const BusinessDay: Story = {
  play: async ({ canvasElement, args }) => {
    const widget = await day(canvasElement);
    const items = await widget.findAllByRole('listitem');
    await expect(items.length).toBeGreaterThanOrEqual(2);
    await expect(widget.getAllByText(/Initial Consultation/)[0]).toBeVisible();
    await expect(widget.getByText(/^Times are in the clinic’s time zone: .* \(Australia\/Melbourne\)\.$/)).toBeVisible();
    await userEvent.click(within(items[0] as HTMLElement).getByRole('button'));
    await expect(args.onSelectAppointment).toHaveBeenCalledOnce();
  },
};

export const KeyboardOnly: Story = {
  play: async ({ canvasElement }) => {
    const widget = await day(canvasElement);
    await widget.findAllByRole('listitem');
    const next = widget.getByRole('button', { name: 'Next day' });
    next.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Enter}');
    await userEvent.tab({ shift: true });
    await userEvent.tab({ shift: true });
    await expect(widget.getByRole('button', { name: 'Previous day' })).toHaveFocus();
    await userEvent.keyboard('{Enter}{Enter}');
    await waitFor(async () => expect(await widget.findAllByRole('listitem')).not.toHaveLength(0));
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_CLINIKO_URL}/individual_appointments`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    await expect(await (await day(canvasElement)).findByText('Loading the day…')).toBeInTheDocument();
  },
};

export const Empty: Story = {
  args: { date: todayIn('Australia/Melbourne', Date.now()) },
  play: async ({ canvasElement }) => {
    await expect(await (await day(canvasElement)).findByText('No appointments on this day.')).toBeVisible();
  },
};

export const Unavailable: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_CLINIKO_URL}/individual_appointments`, () => HttpResponse.json(envelope('UPSTREAM_UNAVAILABLE'), { status: 502 })),
    );
  },
  play: async ({ canvasElement }) => {
    await expect(await (await day(canvasElement)).findByText(/^The day’s appointments could not be loaded\./)).toBeVisible();
  },
};
