'use client';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { cx } from '../../styles/class-names.ts';
import { dataAttributes } from '../slots.ts';
import type { WidgetTheme } from '../theme/theme.ts';
import { AnnouncerContext, type Announce } from './announcer.ts';
import { WidgetScopeContext } from './widget-scope.ts';

export interface WidgetRootProps {
  /** Component name, used for the root class (`ck-VitalsWidget`). */
  readonly widget: string;
  /** Color theme. Default `light`. */
  readonly theme?: WidgetTheme | undefined;
  readonly className?: string | undefined;
  readonly unstyled?: boolean | undefined;
  /** The widget's state, exposed as `data-*` attributes for CSS (`{ status: 'saving' }` → `data-status="saving"`). */
  readonly state?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Id of the element that names the widget (usually its heading). */
  readonly labelledBy?: string;
  readonly children: ReactNode;
}

/**
 * The root element of every widget: the `ck-root` scope the stylesheet is confined to, the theme, the state as
 * `data-*` attributes, and a live region for announcing async results. What the widget renders in a portal takes
 * the same scope and theme through `PortalRoot`.
 */
export function WidgetRoot({ widget, theme = 'light', className, unstyled, state = {}, labelledBy, children }: WidgetRootProps): ReactNode {
  const [announcement, setAnnouncement] = useState({ text: '', politeness: 'polite' as 'polite' | 'assertive', key: 0 });
  const announce = useCallback<Announce>((text, politeness = 'polite') => {
    // A changing key re-renders the region so the same message twice is announced twice.
    setAnnouncement((current) => ({ text, politeness, key: current.key + 1 }));
  }, []);
  const scope = useMemo(() => ({ widget, theme, unstyled: unstyled ?? false }), [widget, theme, unstyled]);
  const polite = announcement.politeness === 'polite' ? announcement : undefined;
  const assertive = announcement.politeness === 'assertive' ? announcement : undefined;

  return (
    <section
      className={cx(!unstyled && `ck-root ck-${widget}`, className)}
      data-theme={theme}
      aria-labelledby={labelledBy}
      {...dataAttributes(state)}
    >
      <WidgetScopeContext.Provider value={scope}>
        <AnnouncerContext.Provider value={announce}>{children}</AnnouncerContext.Provider>
      </WidgetScopeContext.Provider>
      {/* Both regions exist from the first render: a region added together with its text is not announced. */}
      <div className="ck-visually-hidden" role="status" aria-atomic="true">
        <span key={polite?.key}>{polite?.text}</span>
      </div>
      <div className="ck-visually-hidden" role="alert" aria-atomic="true">
        <span key={assertive?.key}>{assertive?.text}</span>
      </div>
    </section>
  );
}
