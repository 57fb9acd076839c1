import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, within } from 'storybook/test';
import { WithClinicalRecord } from '../../../../../.storybook/WithClinicalRecord.tsx';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { PatientHeader } from './PatientHeader.tsx';

const REGION = 'Amara Okafor';

const meta = {
  title: 'Viewers/PatientHeader',
  component: PatientHeader,
  args: { patientId: 'looked up by name' },
  render: (args) => <WithClinicalRecord>{(patientId) => <PatientHeader {...args} patientId={patientId} />}</WithClinicalRecord>,
} satisfies Meta<typeof PatientHeader>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('region', { name: REGION }));

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const banner = await region(canvasElement);
    await expect(await banner.findByText('Penicillin')).toBeVisible();
    await expect(banner.getByText('(high risk)')).toBeVisible();
    await expect(banner.getByRole('link', { name: 'amara.okafor@example.org' })).toBeVisible();
  },
};

export const WithActions: Story = {
  args: { actions: <button type="button">Edit</button> },
  play: async ({ canvasElement }) => {
    const banner = await region(canvasElement);
    await banner.findByText('Penicillin');
    await userEvent.tab();
    await expect(banner.getByRole('button', { name: 'Edit' })).toHaveFocus();
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
    const banner = within(await within(canvasElement).findByRole('region', { name: 'Patient' }));
    await expect(banner.getByText('Loading patient…')).toBeInTheDocument();
  },
};

export const NoAllergies: Story = {
  render: (args) => <WithClinicalRecord empty>{(patientId) => <PatientHeader {...args} patientId={patientId} />}</WithClinicalRecord>,
  play: async ({ canvasElement }) => {
    await expect(await (await region(canvasElement)).findByText('No allergies recorded')).toBeVisible();
  },
};

export const ServerError: Story = serverErrorStory('GET', 'patients/:id', {
  play: async ({ canvasElement }) => {
    const banner = within(await within(canvasElement).findByRole('region', { name: 'Patient' }));
    await expect(await banner.findByText(/The patient could not be loaded/)).toBeVisible();
    await expect(banner.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
});
