'use client';
import { useContext, type ReactNode } from 'react';
import { normaliseProxyUrl } from '../../client/proxy-url.ts';
import { ClinikProvider } from '../../provider/ClinikProvider.tsx';
import { ClinikContext } from '../../provider/context.ts';

export interface WidgetProviderProps {
  /** The widget's own `proxyUrl` prop, if it was given one. */
  readonly proxyUrl: string | undefined;
  readonly children: ReactNode;
}

/**
 * Lets a widget work on its own with `proxyUrl` (as the official docs show) and inside a `ClinikProvider`. Inside a
 * provider for the same proxy, the widget shares its client and cache; with no provider, or a provider for another
 * proxy, the widget gets a provider (and cache) of its own.
 */
export function WidgetProvider({ proxyUrl, children }: WidgetProviderProps): ReactNode {
  const parent = useContext(ClinikContext);
  if (proxyUrl === undefined) return children;
  if (parent && proxyUrl !== 'demo') {
    const origin = typeof location === 'undefined' ? undefined : location.origin;
    if (parent.client.proxyUrl === normaliseProxyUrl(proxyUrl, origin)) return children;
  }
  return (
    <ClinikProvider proxyUrl={proxyUrl} {...(parent ? { messages: parent.messages, locale: parent.locale } : {})}>
      {children}
    </ClinikProvider>
  );
}
