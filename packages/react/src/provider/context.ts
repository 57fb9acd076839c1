'use client';
/** The React context behind `ClinikProvider`, and the hooks that read it. */
import { createContext, useContext, useMemo } from 'react';
import type { AccessOption } from '../access/access.ts';
import type { ClinikClient } from '../client/client.ts';
import type { ClinikApiError } from '../client/errors.ts';
import { errorMessage } from '../i18n/error-message.ts';
import { mergeMessages, type MessageOverrides, type Messages } from '../i18n/messages.ts';

export interface ClinikContextValue {
  readonly client: ClinikClient;
  /**
   * The app's overrides of the message catalogue. The catalogue itself is merged in by `useMessages`, so the data
   * layer alone never carries the widgets' strings.
   */
  readonly messages: MessageOverrides | undefined;
  /** BCP 47 locale for dates and numbers; undefined uses the browser's. */
  readonly locale: string | undefined;
  /** What the user may do, as the app said (`ClinikProvider`'s `access`); read through `useAccess`. */
  readonly access?: AccessOption | undefined;
}

export const ClinikContext = createContext<ClinikContextValue | null>(null);

export function useClinikContext(): ClinikContextValue {
  const value = useContext(ClinikContext);
  if (!value) {
    throw new Error('@clinikapi/react: this hook must be used inside <ClinikProvider proxyUrl="/api/clinik">');
  }
  return value;
}

/** The client of the nearest `ClinikProvider`. */
export function useClinikClient(): ClinikClient {
  return useClinikContext().client;
}

/** The message catalogue of the nearest `ClinikProvider`: the English defaults with the app's overrides. */
export function useMessages(): Messages {
  const overrides = useClinikContext().messages;
  return useMemo(() => mergeMessages(overrides), [overrides]);
}

/** The catalogue's sentence for an error (`errors.conflict`, `errors.network`, ...), for UIs of your own. */
export function useErrorMessage(error: ClinikApiError | null | undefined): string {
  return errorMessage(error, useMessages());
}

/** The locale of the nearest `ClinikProvider` (undefined: the browser's), for `Intl` formatting. */
export function useLocale(): string | undefined {
  return useClinikContext().locale;
}
