import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, within } from 'storybook/test';
import { WithClinicalRecord } from '../../../../../.storybook/WithClinicalRecord.tsx';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { LabResults } from './LabResults.tsx';

const REGION = 'Lab results';

const meta = {
  title: 'Viewers/LabResults',
  component: LabResults,
  args: { patientId: 'looked up by name' },
  render: (args) => <WithClinicalRecord>{(patientId) => <LabResults {...args} patientId={patientId} />}</WithClinicalRecord>,
} satisfies Meta<typeof LabResults>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('region', { name: REGION }));

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const labs = await region(canvasElement);
    await expect(await labs.findByRole('button', { name: 'Chest X-ray 2 views' })).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(labs.getByRole('button', { name: 'Lipid panel' }));
    const table = await labs.findByRole('table', { name: 'Results of Lipid panel' });
    await expect(await within(table).findByRole('rowheader', { name: 'HDL cholesterol' })).toBeVisible();
    await expect(await labs.findByText('3 abnormal')).toBeVisible();
  },
};

export const CriticalResult: Story = {
  args: { defaultExpanded: 'all' },
  play: async ({ canvasElement }) => {
    const labs = await region(canvasElement);
    const table = await labs.findByRole('table', { name: 'Results of Comprehensive metabolic panel' });
    // The table can be drawn before every result in it has arrived: wait for the flagged one.
    await expect(await within(table).findByText('Critically high')).toBeInTheDocument();
    await expect(await labs.findByText('2 abnormal · 1 critical')).toBeVisible();
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_PROXY_URL}/labs`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    await expect((await region(canvasElement)).getByText('Loading lab results…')).toBeInTheDocument();
  },
};

export const Empty: Story = {
  render: (args) => <WithClinicalRecord empty>{(patientId) => <LabResults {...args} patientId={patientId} />}</WithClinicalRecord>,
  play: async ({ canvasElement }) => {
    await expect(await (await region(canvasElement)).findByText('No lab reports yet.')).toBeVisible();
  },
};

export const ServerError: Story = serverErrorStory('GET', 'labs', {
  play: async ({ canvasElement }) => {
    const viewer = await region(canvasElement);
    await expect(await viewer.findByText(/Lab results could not be loaded/)).toBeVisible();
    await expect(viewer.getByText('Reference: req_story')).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
});
