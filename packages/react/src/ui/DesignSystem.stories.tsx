import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ClinikApiError } from '../client/errors.ts';
import { Button } from './Button/Button.tsx';
import { CodeField } from './CodeField/CodeField.tsx';
import type { CodedValue } from '../headless/coded-value.ts';
import { Field } from './Field/Field.tsx';
import { Notice } from './Notice/Notice.tsx';
import { EmptyState, ErrorState, Skeleton } from './States/States.tsx';
import type { WidgetTheme } from './theme/theme.ts';
import { WidgetRoot } from './WidgetRoot/WidgetRoot.tsx';

interface SampleProps {
  readonly theme: WidgetTheme;
  readonly pending: boolean;
  readonly unstyled?: boolean;
  readonly onSave: () => void;
}

/** Every shared piece in one widget-shaped card, so each theme is checked (contrast included) in one place. */
function Sample({ theme, pending, unstyled, onSave }: SampleProps) {
  const [code, setCode] = useState<CodedValue | undefined>(undefined);
  return (
    <WidgetRoot widget="Sample" theme={theme} unstyled={unstyled} labelledBy="sample-title">
      <h2 id="sample-title">Design system</h2>
      <div className="ck-Widget-grid">
        <Field label="Heart rate" help="Beats per minute, 20–250" required>
          {(control) => <input type="number" {...control} defaultValue={72} />}
        </Field>
        <Field label="Systolic" error="At most 300">
          {(control) => <input type="number" {...control} defaultValue={420} />}
        </Field>
        <CodeField
          label="Vital sign"
          options={[
            { system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' },
            { system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel' },
          ]}
          value={code}
          onChange={setCode}
        />
      </div>
      <div className="ck-Widget-actions">
        <Button pending={pending} pendingLabel="Saving…" onClick={onSave}>
          Save
        </Button>
        <Button variant="secondary">Cancel</Button>
        <Button variant="ghost">Details</Button>
        <Button variant="destructive">Delete</Button>
      </div>
      <Notice tone="success">Vitals saved.</Notice>
      <Notice tone="info">Last recorded 2 hours ago.</Notice>
      <EmptyState title="No vitals recorded yet." description="Recorded vitals appear here." />
      <ErrorState
        title="Vitals could not be loaded."
        error={new ClinikApiError({ status: 500, code: 'INTERNAL_ERROR', message: 'x', requestId: 'req_story' })}
        onRetry={() => undefined}
      />
      <Skeleton lines={2} />
    </WidgetRoot>
  );
}

const meta = {
  title: 'Design system/Overview',
  component: Sample,
  args: { theme: 'light', pending: false, onSave: fn() },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'glassmorphism', 'inherit'] } },
} satisfies Meta<typeof Sample>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(args.onSave).toHaveBeenCalledOnce();
    await expect(canvas.getByRole('spinbutton', { name: 'Systolic' })).toHaveAccessibleDescription('At most 300');
  },
};

export const InheritsAppTokens: Story = {
  args: { theme: 'inherit' },
  decorators: [
    (Story) => (
      <div style={{ ['--primary' as string]: '262 83% 40%', ['--radius' as string]: '0' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const save = within(canvasElement).getByRole('button', { name: 'Save' });
    await expect(getComputedStyle(save).backgroundColor).toBe('rgb(79, 17, 187)');
    await expect(getComputedStyle(save).borderTopLeftRadius).toBe('0px');
  },
};

export const Pending: Story = {
  args: { pending: true },
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Saving…' });
    await userEvent.click(button);
    await expect(args.onSave).not.toHaveBeenCalled();
    await expect(button).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The toolbar's theme (a Storybook global, `.storybook/themes.tsx`) redraws a story's widgets in it, on its backdrop. */
export const ThemeFromToolbar: Story = {
  globals: { theme: 'glassmorphism' },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('.ck-root');
    await expect(root).toHaveAttribute('data-theme', 'glassmorphism');
    await expect(root?.parentElement?.style.background).toContain('linear-gradient');
  },
};

/** `Unstyled` in the toolbar: the same widgets with none of the library's styles, as an app with its own design uses them. */
export const UnstyledFromToolbar: Story = {
  globals: { theme: 'unstyled' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Save' })).toBeVisible();
    await expect(canvasElement.querySelector('.ck-root')).toBeNull();
  },
};
