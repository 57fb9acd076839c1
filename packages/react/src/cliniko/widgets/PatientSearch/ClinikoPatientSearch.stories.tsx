import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { clinikoHandlers, envelope, STORY_CLINIKO_URL, withCliniko } from '../../../../../../.storybook/cliniko.tsx';
import { ClinikoPatientSearch } from './ClinikoPatientSearch.tsx';

const meta = {
  title: 'Cliniko/ClinikoPatientSearch',
  component: ClinikoPatientSearch,
  args: { onSelect: fn(), searchDelayMs: 100, height: 320 },
  decorators: [withCliniko],
  beforeEach({ msw }) {
    msw.use(...clinikoHandlers().handlers);
  },
} satisfies Meta<typeof ClinikoPatientSearch>;

export default meta;
type Story = StoryObj<typeof meta>;

const search = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('region', { name: 'Find a patient' }));

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const widget = await search(canvasElement);
    await expect(await widget.findByText('50 of 117 patients')).toBeVisible();
    await userEvent.type(widget.getByRole('searchbox'), 'Smithers');
    await waitFor(() => expect(widget.getAllByRole('rowheader').every((cell) => cell.textContent?.endsWith('Smithers'))).toBe(true));
    await userEvent.click(widget.getAllByRole('rowheader')[0] as HTMLElement);
    await expect(args.onSelect).toHaveBeenCalledWith(expect.objectContaining({ last_name: 'Smithers' }));
  },
};

/** Scrolling to the end loads the next pages through the proxy's links. */
export const Scrolled: Story = {
  play: async ({ canvasElement }) => {
    const widget = await search(canvasElement);
    const grid = await widget.findByRole('grid');
    await widget.findByText('50 of 117 patients');
    for (const loaded of ['100', '117']) {
      grid.scrollTop = grid.scrollHeight;
      await widget.findByText(`${loaded} of 117 patients`);
    }
    await expect(grid.querySelectorAll('[role="row"][data-index]').length).toBeLessThan(40);
  },
};

export const KeyboardOnly: Story = {
  play: async ({ canvasElement, args }) => {
    const widget = await search(canvasElement);
    await widget.findByText('50 of 117 patients');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await expect(args.onSelect).toHaveBeenCalledOnce();
  },
};

export const NoMatch: Story = {
  play: async ({ canvasElement }) => {
    const widget = await search(canvasElement);
    await userEvent.type(await widget.findByRole('searchbox'), 'Nobody-by-this-name');
    await expect(await widget.findByText('No patients match “Nobody-by-this-name”.')).toBeVisible();
  },
};

export const Loading: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.get(`${STORY_CLINIKO_URL}/patients`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
  },
  play: async ({ canvasElement }) => {
    await expect(await (await search(canvasElement)).findByText('Loading patients…')).toBeVisible();
  },
};

export const Forbidden: Story = {
  beforeEach({ msw }) {
    msw.use(http.get(`${STORY_CLINIKO_URL}/patients`, () => HttpResponse.json(envelope('FORBIDDEN'), { status: 403 })));
  },
  play: async ({ canvasElement }) => {
    await expect(
      await (
        await search(canvasElement)
      ).findByText(/^Patients could not be searched\. Your account does not have access to these records/),
    ).toBeVisible();
  },
};
