import type { ReactNode } from 'react';
import { cx } from '../../styles/class-names.ts';

/** How a status reads at a glance; the words carry the meaning, the colour only repeats it. */
export type BadgeTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

export interface BadgeProps {
  readonly tone: BadgeTone;
  readonly children: ReactNode;
  readonly className?: string | undefined;
  readonly unstyled?: boolean | undefined;
}

export function Badge({ tone, children, className, unstyled }: BadgeProps): ReactNode {
  return (
    <span className={cx(!unstyled && 'ck-Badge', className) || undefined} data-tone={tone}>
      {children}
    </span>
  );
}
