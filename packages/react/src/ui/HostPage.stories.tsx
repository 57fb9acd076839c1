/**
 * Widgets on a hostile host page: a global stylesheet shaped like the one a fresh Vite React app ships (element
 * rules for buttons, headings, links, inputs; a centred app root; inherited colours; `color-scheme: light dark`), on
 * a light and a dark device, around light and dark widgets. Nothing of it may reach the widgets or their dialogs.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { WithConsents } from '../../../../.storybook/WithConsents.tsx';
import { WithPatient } from '../../../../.storybook/WithPatient.tsx';
import { ConsentManager } from '../components/ConsentManager/ConsentManager.tsx';
import { PatientList } from '../components/PatientList/PatientList.tsx';
import {
  centredText,
  contrastViolations,
  HostPage,
  hostStyleDifferences,
  whileButtonsHovered,
  type HostScheme,
} from '../test/host-page.tsx';
import type { WidgetTheme } from './theme/theme.ts';

interface HostedWidgetsProps {
  /** The device's colour scheme, which the host page's stylesheet follows. */
  readonly scheme: HostScheme;
  readonly theme: WidgetTheme;
}

function HostedWidgets({ scheme, theme }: HostedWidgetsProps) {
  return (
    <HostPage scheme={scheme}>
      <WithPatient lastName="Okafor">
        {(patientId) => (
          <WithConsents patientId={patientId}>
            <ConsentManager patientId={patientId} theme={theme} />
          </WithConsents>
        )}
      </WithPatient>
      <PatientList theme={theme} height={240} onSelect={() => undefined} />
    </HostPage>
  );
}

const meta = {
  title: 'Design system/Hostile host page',
  component: HostedWidgets,
  args: { scheme: 'light', theme: 'light' },
  argTypes: {
    scheme: { control: 'inline-radio', options: ['light', 'dark'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'glassmorphism', 'inherit'] },
  },
} satisfies Meta<typeof HostedWidgets>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Background, border and text colour: what tells one button variant from another. */
function looks(element: Element): string {
  const style = getComputedStyle(element);
  return `${style.backgroundColor} / ${style.borderTopColor} / ${style.color}`;
}

/** The host page's rules reach nothing of `roots`: same computed styles as alone, readable (buttons hovered too), not centred. */
async function expectUntouched(roots: readonly Element[]): Promise<void> {
  await expect(hostStyleDifferences(roots)).toEqual([]);
  await expect(centredText(roots)).toEqual([]);
  await expect(await contrastViolations(roots)).toEqual([]);
  await expect(await whileButtonsHovered(roots, () => contrastViolations(roots))).toEqual([]);
}

/** A dialog opened from the widget: themed like it, over a backdrop that covers the page, closed by Escape. */
async function expectThemedModal(
  trigger: HTMLElement,
  role: 'dialog' | 'alertdialog',
  name: string,
  widget: Element,
): Promise<HTMLElement> {
  trigger.focus();
  await userEvent.keyboard('{Enter}');
  const dialog = await screen.findByRole(role, { name });
  const themeVariable = (element: Element) => getComputedStyle(element).getPropertyValue('--ck-background').trim();
  await expect(themeVariable(dialog)).toBe(themeVariable(widget));
  await expect(getComputedStyle(dialog).position).toBe('fixed');
  const box = dialog.getBoundingClientRect();
  await expect(dialog.contains(document.elementFromPoint(box.left + box.width / 2, box.top + 4))).toBe(true);
  // The page around the dialog is covered by a backdrop that is painted, not by nothing.
  const corner = document.elementFromPoint(2, 2) as Element;
  await expect(corner.closest('#host-root')).toBeNull();
  await expect(getComputedStyle(corner).backgroundColor).not.toMatch(/^(rgba\(0, 0, 0, 0\)|transparent)$/);
  await expectUntouched([dialog]);
  return dialog;
}

async function closeWithEscape(dialog: Element, row: Element): Promise<void> {
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(dialog).not.toBeInTheDocument());
  await expect(row).toHaveFocus();
}

const play: Story['play'] = async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  const consents = await canvas.findByRole('region', { name: 'Consents' });
  const research = (await within(consents).findByText('Research — Research participation')).closest('li') as HTMLElement;
  const privacy = within(consents).getByText('Privacy — HIPAA privacy notice').closest('li') as HTMLElement;
  const patients = await canvas.findByRole('grid', { name: 'Patients' });
  await waitFor(() => expect(within(patients).getAllByRole('row').length).toBeGreaterThan(5));
  const widgets = [...canvasElement.querySelectorAll('.ck-root')];
  await expect(widgets).toHaveLength(2);

  await expectUntouched(widgets);
  // The host's `h2 { font-size: 24px }` does not apply: the title keeps the widget's 1.125rem.
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  await expect(getComputedStyle(within(consents).getByRole('heading', { name: 'Consents' })).fontSize).toBe(`${1.125 * rem}px`);
  // The host's `button {}` rule does not flatten the variants into one filled button.
  const sign = within(research).getByRole('button', { name: 'Sign…' });
  const refuse = within(research).getByRole('button', { name: 'Record refusal' });
  const withdrawTrigger = within(privacy).getByRole('button', { name: 'Withdraw…' });
  await expect(new Set([looks(sign), looks(refuse), looks(withdrawTrigger)]).size).toBe(3);

  const signDialog = await expectThemedModal(sign, 'dialog', 'Sign consent', consents);
  const signNow = within(signDialog).getByRole('button', { name: 'Sign consent' });
  await expect(looks(signNow)).not.toBe(looks(within(signDialog).getByRole('button', { name: 'Cancel' })));
  await closeWithEscape(signDialog, research);

  const withdrawDialog = await expectThemedModal(withdrawTrigger, 'alertdialog', 'Withdraw this consent?', consents);
  const withdraw = within(withdrawDialog).getByRole('button', { name: 'Withdraw consent' });
  await expect(new Set([looks(withdraw), looks(within(withdrawDialog).getByRole('button', { name: 'Cancel' })), looks(sign)]).size).toBe(3);
  await closeWithEscape(withdrawDialog, privacy);
};

export const LightPageLightWidgets: Story = { args: { scheme: 'light', theme: 'light' }, play };

export const LightPageDarkWidgets: Story = { args: { scheme: 'light', theme: 'dark' }, play };

export const DarkPageDarkWidgets: Story = { args: { scheme: 'dark', theme: 'dark' }, play };

export const DarkPageLightWidgets: Story = { args: { scheme: 'dark', theme: 'light' }, play };
