'use client';
import type { ReactNode } from 'react';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLiveUpdates, type UseLiveUpdatesOptions } from '../../live/useLiveUpdates.ts';
import { cx } from '../../styles/class-names.ts';
import { Button } from '../../ui/Button/Button.tsx';
import type { WidgetTheme } from '../../ui/theme/theme.ts';
import { liveUpdatesMessages } from './messages.ts';

export interface LiveUpdatesProps extends UseLiveUpdatesOptions {
  /** Color theme. Default `light`. */
  readonly theme?: WidgetTheme;
  readonly className?: string;
  /** Leave out the library's styles. */
  readonly unstyled?: boolean;
}

/**
 * Keeps every widget in step with changes made elsewhere — another clinician's vitals, a booking at the front desk —
 * as the proxy's event stream tells them (`live` on `clinikProxy`). Render it once, anywhere inside `ClinikProvider`.
 * It shows nothing while the stream is up; when it is down, a short polite status and a "Reconnect now" button.
 */
export function LiveUpdates({ theme = 'light', className, unstyled, ...options }: LiveUpdatesProps): ReactNode {
  const messages = useWidgetMessages('liveUpdates', liveUpdatesMessages);
  const { status, reconnect } = useLiveUpdates(options);
  const down = status === 'reconnecting' || status === 'stopped';
  return (
    <div className={cx(!unstyled && 'ck-root ck-LiveUpdates', className)} data-theme={theme} data-status={status}>
      {/* Always there, so a change of its text is announced; empty while the stream is up. */}
      <p className="ck-LiveUpdates-message" role="status">
        {status === 'reconnecting' ? messages.reconnecting : status === 'stopped' ? messages.stopped : ''}
      </p>
      {down && (
        <Button variant="secondary" unstyled={unstyled} className="ck-LiveUpdates-retry" onClick={reconnect}>
          {messages.retry}
        </Button>
      )}
    </div>
  );
}
