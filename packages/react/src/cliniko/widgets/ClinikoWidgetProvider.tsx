'use client';
import { useContext, type ReactNode } from 'react';
import { normaliseProxyUrl } from '../../client/proxy-url.ts';
import { ClinikContext } from '../../provider/context.ts';
import { ClinikoProvider } from '../provider/ClinikoProvider.tsx';
import { ClinikoContext } from '../provider/context.ts';

/**
 * Lets a Cliniko widget work on its own with `proxyUrl` and inside a `ClinikoProvider`: inside a provider for the
 * same proxy it shares its client and cache; otherwise it gets a provider of its own (with the surrounding locale and
 * messages).
 */
export function ClinikoWidgetProvider({
  proxyUrl,
  children,
}: {
  readonly proxyUrl: string | undefined;
  readonly children: ReactNode;
}): ReactNode {
  const parent = useContext(ClinikoContext);
  const shared = useContext(ClinikContext);
  if (proxyUrl === undefined) return children;
  if (parent && parent.client.proxyUrl === normaliseProxyUrl(proxyUrl, typeof location === 'undefined' ? undefined : location.origin))
    return children;
  return (
    <ClinikoProvider proxyUrl={proxyUrl} {...(shared ? { messages: shared.messages, locale: shared.locale } : {})}>
      {children}
    </ClinikoProvider>
  );
}
