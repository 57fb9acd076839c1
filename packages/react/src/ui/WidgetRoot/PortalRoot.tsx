'use client';
import type { ReactNode } from 'react';
import { cx } from '../../styles/class-names.ts';
import { useWidgetScope } from './widget-scope.ts';

/**
 * The root of what a widget renders outside itself, in a portal (a dialog and its overlay): the widget's `ck-root`
 * scope, class and theme, so the stylesheet, the theme's variables and an app's `.ck-ConsentManager { --ck-… }`
 * reach it. It draws no box of its own (`display: contents`). Unstyled widgets get a bare element.
 */
export function PortalRoot({ children }: { readonly children: ReactNode }): ReactNode {
  const { widget, theme, unstyled } = useWidgetScope();
  return (
    <div className={cx(!unstyled && `ck-root ck-${widget}`) || undefined} data-theme={theme} data-portal="">
      {children}
    </div>
  );
}
