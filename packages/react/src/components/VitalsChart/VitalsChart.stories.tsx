import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { WithClinicalRecord } from '../../../../../.storybook/WithClinicalRecord.tsx';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { VitalsChart } from './VitalsChart.tsx';

const REGION = 'Vital sign trends';

const meta = {
  title: 'Viewers/VitalsChart',
  component: VitalsChart,
  args: { patientId: 'looked up by name' },
  render: (args) => <WithClinicalRecord>{(patientId) => <VitalsChart {...args} patientId={patientId} />}</WithClinicalRecord>,
} satisfies Meta<typeof VitalsChart>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('region', { name: REGION }));

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const vitals = await region(canvasElement);
    const pressure = await vitals.findByRole('region', { name: 'Blood pressure' });
    await expect(within(pressure).getByText('142/92 mmHg')).toBeVisible();
    // The chart code arrives on its own, after the readings.
    await waitFor(() => expect(pressure.querySelector('svg.recharts-surface')).toBeInTheDocument(), { timeout: 15_000 });
    await expect(pressure.querySelectorAll('path.ck-VitalsTrendChart-outOfRange').length).toBe(9);
  },
};

export const AsTables: Story = {
  args: { vitals: ['bloodPressure', 'temperature'] },
  play: async ({ canvasElement }) => {
    const vitals = await region(canvasElement);
    const toggle = await vitals.findByRole('checkbox', { name: 'Show readings as tables' });
    toggle.focus();
    await userEvent.keyboard(' ');
    const table = vitals.getByRole('table', { name: 'Readings of Blood pressure' });
    await expect(table).toBeVisible();
    await expect(within(table).getAllByRole('row')).toHaveLength(7);
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_PROXY_URL}/observations`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    await expect((await region(canvasElement)).getByText('Loading vital signs…')).toBeInTheDocument();
  },
};

export const Empty: Story = {
  render: (args) => <WithClinicalRecord empty>{(patientId) => <VitalsChart {...args} patientId={patientId} />}</WithClinicalRecord>,
  play: async ({ canvasElement }) => {
    await expect(await (await region(canvasElement)).findByText('No vital signs recorded.')).toBeVisible();
  },
};

export const ServerError: Story = serverErrorStory('GET', 'observations', {
  play: async ({ canvasElement }) => {
    const viewer = await region(canvasElement);
    await expect(await viewer.findByText(/Vital signs could not be loaded/)).toBeVisible();
    await expect(viewer.getByText('Reference: req_story')).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
});
