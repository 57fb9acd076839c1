import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { PatientList } from './PatientList.tsx';

const meta = {
  title: 'Widgets/PatientList',
  component: PatientList,
  args: { onSelect: fn(), searchDelayMs: 150 },
} satisfies Meta<typeof PatientList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const amara = await canvas.findByRole('button', { name: 'Amara Okafor' });
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search patients' }), 'okaf');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('1 of 1 patients'));
    await userEvent.click(amara);
    await expect(args.onSelect).toHaveBeenCalledWith(expect.objectContaining({ lastName: 'Okafor' }));
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_PROXY_URL}/patients`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading patients…');
    await expect(canvas.getByRole('table', { name: 'Patients' })).toHaveAttribute('aria-busy', 'true');
  },
};

export const Empty: Story = {
  parameters: { emulator: { seed: false } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No patients yet.')).toBeVisible();
  },
};

export const ServerError: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_PROXY_URL}/patients`, () =>
        HttpResponse.json(
          { error: 'Internal Error', code: 'INTERNAL_ERROR', requestId: 'req_story01', issues: [] },
          { status: 500 },
        ),
      ),
    );
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong on the server.');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};
