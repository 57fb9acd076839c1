import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { errorAnswer } from '../../test/error-answers.ts';
import { LiveUpdates } from './LiveUpdates.tsx';

/** A proxy stream that says it is ready and then stays open, quiet. */
const openStream = () =>
  http.get(`${STORY_PROXY_URL}/events`, () => {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('retry: 3000\n\nevent: ready\ndata: {"heartbeatMs":60000}\n\n')),
    });
    return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } });
  });

const refused = (status: number) =>
  http.get(`${STORY_PROXY_URL}/events`, () =>
    errorAnswer(status === 401 ? 'UNAUTHORIZED' : 'UPSTREAM_UNAVAILABLE', { requestId: 'req_story', status }),
  );

const meta = {
  title: 'Live/LiveUpdates',
  component: LiveUpdates,
  render: (args) => (
    <div>
      <p>A page with live updates. The indicator below shows only when the stream is down.</p>
      <LiveUpdates {...args} />
    </div>
  ),
} satisfies Meta<typeof LiveUpdates>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Live: Story = {
  beforeEach({ msw }) {
    msw.use(openStream());
  },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('.ck-LiveUpdates');
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'live'));
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('');
    await expect(within(canvasElement).queryByRole('button')).toBeNull();
  },
};

export const Reconnecting: Story = {
  beforeEach({ msw }) {
    msw.use(refused(503));
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Live updates paused. Reconnecting…')).toBeVisible();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Reconnect now' })).toHaveFocus();
  },
};

export const Stopped: Story = {
  beforeEach({ msw }) {
    msw.use(refused(401));
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Live updates stopped.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Reconnect now' })).toBeVisible();
  },
};
