import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { WithClinicalRecord } from '../../../../../.storybook/WithClinicalRecord.tsx';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { EncounterTimeline } from './EncounterTimeline.tsx';

const REGION = 'Encounters';

const meta = {
  title: 'Viewers/EncounterTimeline',
  component: EncounterTimeline,
  args: { patientId: 'looked up by name' },
  render: (args) => <WithClinicalRecord>{(patientId) => <EncounterTimeline {...args} patientId={patientId} />}</WithClinicalRecord>,
} satisfies Meta<typeof EncounterTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('region', { name: REGION }));

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const timeline = await region(canvasElement);
    await expect(await timeline.findByText('Annual review')).toBeVisible();
    await expect(timeline.getAllByRole('listitem')).toHaveLength(4);
    await expect(timeline.getByText('Cancelled')).toBeVisible();
  },
};

export const Folded: Story = {
  args: { limit: 2 },
  play: async ({ canvasElement }) => {
    const timeline = await region(canvasElement);
    await timeline.findByText('Annual review');
    await expect(timeline.getAllByRole('listitem')).toHaveLength(2);
    timeline.getByRole('button', { name: 'Show all (4)' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(timeline.getAllByRole('listitem')).toHaveLength(4);
    await waitFor(() => expect(timeline.getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true'));
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_PROXY_URL}/encounters`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    await expect((await region(canvasElement)).getByText('Loading encounters…')).toBeInTheDocument();
  },
};

export const Empty: Story = {
  render: (args) => <WithClinicalRecord empty>{(patientId) => <EncounterTimeline {...args} patientId={patientId} />}</WithClinicalRecord>,
  play: async ({ canvasElement }) => {
    await expect(await (await region(canvasElement)).findByText('No encounters yet.')).toBeVisible();
  },
};

export const ServerError: Story = serverErrorStory('GET', 'encounters', {
  play: async ({ canvasElement }) => {
    const viewer = await region(canvasElement);
    await expect(await viewer.findByText(/Encounters could not be loaded/)).toBeVisible();
    await expect(viewer.getByText('Reference: req_story')).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
});
