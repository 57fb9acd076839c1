import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, within } from 'storybook/test';
import { WithClinicalRecord } from '../../../../../.storybook/WithClinicalRecord.tsx';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { MedicationList } from './MedicationList.tsx';

const meta = {
  title: 'Viewers/MedicationList',
  component: MedicationList,
  args: { patientId: 'looked up by name' },
  render: (args) => <WithClinicalRecord>{(patientId) => <MedicationList {...args} patientId={patientId} />}</WithClinicalRecord>,
} satisfies Meta<typeof MedicationList>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('region', { name: 'Medications' }));

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const list = await region(canvasElement);
    await expect(await list.findByText('Amlodipine 5mg tablet')).toBeVisible();
    await expect(list.getByRole('radio', { name: 'Active (3)' })).toBeChecked();
    await expect(list.getByText('On hold')).toBeVisible();
  },
};

export const PastMedications: Story = {
  play: async ({ canvasElement }) => {
    const list = await region(canvasElement);
    await list.findByText('Amlodipine 5mg tablet');
    // Keyboard: the filter is one radio group, moved through with the arrow keys.
    list.getByRole('radio', { name: 'Active (3)' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(list.getByRole('radio', { name: 'Past (2)' })).toBeChecked();
    await expect(list.getByText('Stopped because: Dry cough')).toBeVisible();
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_PROXY_URL}/prescriptions`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    const list = await region(canvasElement);
    await expect(list.getByText('Loading medications…')).toBeInTheDocument();
  },
};

export const Empty: Story = {
  render: (args) => <WithClinicalRecord empty>{(patientId) => <MedicationList {...args} patientId={patientId} />}</WithClinicalRecord>,
  play: async ({ canvasElement }) => {
    const list = await region(canvasElement);
    await expect(await list.findByText('No active medications.')).toBeVisible();
  },
};

export const ServerError: Story = serverErrorStory('GET', 'prescriptions', {
  play: async ({ canvasElement }) => {
    const list = await region(canvasElement);
    await expect(await list.findByText(/Medications could not be loaded/)).toBeVisible();
    await expect(list.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
});
