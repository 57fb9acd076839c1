'use client';
import type { ReactNode } from 'react';
import { cx } from '../../styles/class-names.ts';

export interface NoticeProps {
  /** `error` is announced at once (role alert); the others politely (role status). */
  readonly tone: 'success' | 'error' | 'info';
  readonly children: ReactNode;
  readonly className?: string;
}

/** A visible, announced message about the result of an action ("Vitals saved."). */
export function Notice({ tone, children, className }: NoticeProps): ReactNode {
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={cx('ck-Notice', `ck-Notice--${tone}`, className)}>
      {children}
    </p>
  );
}
