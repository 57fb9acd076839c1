import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { PatientList } from './PatientList.tsx';
import { syntheticPage } from './synthetic-patients.ts';

const meta = {
  title: 'Widgets/PatientList',
  component: PatientList,
  args: { onSelect: fn(), searchDelayMs: 150 },
} satisfies Meta<typeof PatientList>;

export default meta;
type Story = StoryObj<typeof meta>;

const grid = async (canvasElement: HTMLElement) => within(canvasElement).findByRole('grid', { name: 'Patients' });

/** A clinic of 10,000 made-up patients behind the proxy mount. */
const tenThousand = http.get(`${STORY_PROXY_URL}/patients`, ({ request }) => {
  const url = new URL(request.url);
  return HttpResponse.json({ data: syntheticPage(10_000, url.searchParams.get('cursor'), Number(url.searchParams.get('count') ?? 50)) });
});

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const amara = await within(await grid(canvasElement)).findByRole('row', { name: /Amara Okafor/ });
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search patients' }), 'okaf');
    await waitFor(() => expect(canvas.getByText('1 of 1 patients')).toBeVisible());
    await userEvent.click(amara);
    await expect(args.onSelect).toHaveBeenCalledWith(expect.objectContaining({ lastName: 'Okafor' }));
  },
};

export const TenThousandPatients: Story = {
  args: { pageSize: 100 },
  beforeEach({ msw }) {
    msw.use(tenThousand);
  },
  play: async ({ canvasElement }) => {
    const rows = await grid(canvasElement);
    await within(rows).findByRole('row', { name: /Amara Adeyemi-00000/ });
    await expect(rows).toHaveAttribute('aria-rowcount', '10001');
    await expect(rows.querySelectorAll('[role="row"][data-index]').length).toBeLessThanOrEqual(100);
    // Scroll to the end twice: each time the next page loads as its rows come into view.
    for (const loaded of ['200', '300']) {
      rows.scrollTop = rows.scrollHeight;
      await within(canvasElement).findByText(`${loaded} of 10,000 patients`);
    }
    rows.scrollTop = 250 * 44;
    await within(rows).findByRole('row', { name: /Adeyemi-00250/ });
    await expect(rows.querySelectorAll('[role="row"][data-index]').length).toBeLessThanOrEqual(100);
  },
};

export const KeyboardOnly: Story = {
  args: { pageSize: 100 },
  beforeEach({ msw }) {
    msw.use(tenThousand);
  },
  play: async ({ canvasElement, args }) => {
    const rows = await grid(canvasElement);
    const first = await within(rows).findByRole('row', { name: /Amara Adeyemi-00000/ });
    first.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(within(rows).getByRole('row', { name: /Chen Adeyemi-00002/ })).toHaveFocus();
    // The first render after a jump (before the list has scrolled) must already hold the jumped-to row, so focus can
    // move straight to it; one render late, the row that had focus could leave the DOM first.
    const firstRenderHadLastRow = new Promise<boolean>((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(rows.querySelector('[role="row"][data-index="99"]') !== null);
      });
      observer.observe(rows, { subtree: true, childList: true, attributes: true });
    });
    await userEvent.keyboard('{End}');
    await expect(await firstRenderHadLastRow).toBe(true);
    // Generous waits after a jump: on a loaded CI machine this story once ran ten times slower than usual.
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-index', '99'), { timeout: 5000 });
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ lastName: 'Adeyemi-00099' }));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(within(rows).getByRole('row', { name: /Amara Adeyemi-00000/ })).toHaveFocus(), { timeout: 5000 });
  },
};

export const SortedByBirthDate: Story = {
  args: { defaultSort: '-birthDate' },
  play: async ({ canvasElement }) => {
    const rows = await grid(canvasElement);
    await within(rows).findByRole('row', { name: /Elijah Brooks/ });
    await expect(within(rows).getAllByRole('rowheader')[0]).toHaveTextContent('Elijah Brooks');
    await expect(within(rows).getByRole('columnheader', { name: /Date of birth/ })).toHaveAttribute('aria-sort', 'descending');
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
    await expect(canvas.getByText('Loading patients…')).toBeVisible();
    await expect(await grid(canvasElement)).toHaveAttribute('aria-busy', 'true');
  },
};

export const Empty: Story = {
  parameters: { emulator: { seed: false } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No patients yet.')).toBeVisible();
  },
};

export const ServerError: Story = serverErrorStory('GET', 'patients', {
  play: async ({ canvasElement }) => {
    const error = (await within(canvasElement).findByText(/Something went wrong on the server\./)).closest('[role="alert"]') as HTMLElement;
    await expect(within(error).getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
});
