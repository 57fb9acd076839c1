import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { WithClinicalRecord } from '../../../../../.storybook/WithClinicalRecord.tsx';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { VitalsChart } from './VitalsChart.tsx';

const REGION = 'Vital sign trends';
const READY_TEXT = 'Heart rate';

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

export const ServerError: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_PROXY_URL}/observations`, () =>
        HttpResponse.json({ error: 'Internal Error', code: 'INTERNAL_ERROR', requestId: 'req_story', issues: [] }, { status: 500 }),
      ),
    );
  },
  play: async ({ canvasElement }) => {
    const viewer = await region(canvasElement);
    await expect(await viewer.findByText(/Vital signs could not be loaded/)).toBeVisible();
    await expect(viewer.getByText('Reference: req_story')).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await (await region(canvasElement)).findByText(READY_TEXT);
    await expect(canvasElement.querySelector('.ck-root')).toHaveAttribute('data-theme', 'dark');
  },
};

export const Glassmorphism: Story = {
  args: { theme: 'glassmorphism' },
  decorators: [
    (Story) => (
      <div style={{ padding: '2rem', background: 'linear-gradient(135deg, #c7f0e8, #dbe4ff 60%, #f6d9e8)' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await (await region(canvasElement)).findByText(READY_TEXT);
    await expect(canvasElement.querySelector('.ck-root')).toHaveAttribute('data-theme', 'glassmorphism');
  },
};

export const Unstyled: Story = {
  args: { unstyled: true, className: 'my-viewer' },
  play: async ({ canvasElement }) => {
    const root = await within(canvasElement).findByRole('region', { name: REGION });
    await expect(root).toHaveClass('my-viewer');
    await expect(root).not.toHaveClass('ck-root');
    await expect(await within(root).findByText(READY_TEXT)).toBeInTheDocument();
  },
};
