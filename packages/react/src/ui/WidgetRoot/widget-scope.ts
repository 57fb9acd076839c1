'use client';
/** Which widget an element belongs to and how it is styled, for what the widget renders outside itself. */
import { createContext, useContext } from 'react';
import type { WidgetTheme } from '../theme/theme.ts';

export interface WidgetScope {
  /** Component name, as in the root class (`ck-ConsentManager`). */
  readonly widget: string;
  readonly theme: WidgetTheme;
  readonly unstyled: boolean;
}

export const WidgetScopeContext = createContext<WidgetScope | null>(null);

/** The enclosing widget's name, theme and `unstyled`; outside any widget, an unnamed light, styled one. */
export function useWidgetScope(): WidgetScope {
  return useContext(WidgetScopeContext) ?? { widget: 'Widget', theme: 'light', unstyled: false };
}
