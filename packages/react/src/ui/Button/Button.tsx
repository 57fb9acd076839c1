'use client';
import { forwardRef, type ButtonHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { cx } from '../../styles/class-names.ts';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /**
   * Visual weight. Default `primary`. `destructive` confirms something that cannot be undone;
   * `destructive-outline` offers it (a "Withdraw…" that opens the confirmation) without shouting.
   */
  readonly variant?: 'primary' | 'secondary' | 'ghost' | 'destructive' | 'destructive-outline';
  /**
   * An action is under way: the button shows `pendingLabel` and ignores clicks, but stays focusable — disabling it
   * would throw a keyboard user's focus back to the top of the page.
   */
  readonly pending?: boolean;
  /** Label while pending, e.g. "Saving…". Default: the normal label. */
  readonly pendingLabel?: ReactNode;
  readonly unstyled?: boolean;
}

/** A button with variants and a pending state. `type` defaults to `button`, never an accidental submit. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'primary', pending = false, pendingLabel, unstyled, className, children, onClick, type = 'button', ...rest },
  ref,
) {
  const ignoreWhilePending = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      ref={ref}
      type={type}
      className={cx(!unstyled && `ck-Button ck-Button--${variant}`, className)}
      aria-disabled={pending || rest.disabled ? true : undefined}
      data-pending={pending || undefined}
      onClick={ignoreWhilePending}
      {...rest}
    >
      {pending && <span className="ck-Button-spinner" aria-hidden="true" />}
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
});
