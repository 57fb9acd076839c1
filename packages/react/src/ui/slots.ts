/** Styling hooks every widget shares: its own class per inner part, plus the app's `classNames`, unless `unstyled`. */
import { cx } from '../styles/class-names.ts';

/** Props every widget takes for styling. */
export interface StylingProps<Slot extends string> {
  /** Class on the widget's root element. */
  readonly className?: string;
  /** Classes per inner part, e.g. `{ field: 'my-field' }`. */
  readonly classNames?: Partial<Record<Slot, string>>;
  /** Drop the library's own classes (and so its styles); yours stay. Default false. */
  readonly unstyled?: boolean;
}

/** `slot('field')` → `"ck-VitalsWidget-field my-field"`: the class string for one inner part. */
export function slotClasses<Slot extends string>(
  widget: string,
  { classNames, unstyled }: Pick<StylingProps<Slot>, 'classNames' | 'unstyled'>,
): (slot: Slot, ...extra: ReadonlyArray<string | false | undefined>) => string | undefined {
  return (slot, ...extra) => cx(!unstyled && `ck-${widget}-${slot}`, ...extra, classNames?.[slot]) || undefined;
}

/** Turns a state object into `data-*` attributes, dropping false and undefined values. */
export function dataAttributes(state: Readonly<Record<string, string | number | boolean | undefined>>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(state)) {
    if (value === undefined || value === false) continue;
    attributes[`data-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`] = value === true ? '' : String(value);
  }
  return attributes;
}
