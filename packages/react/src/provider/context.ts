'use client';
/** The React context behind `ClinikProvider`, and the hooks that read it. */
import { createContext, useContext } from 'react';
import type { ClinikClient } from '../client/client.ts';
import type { Messages } from '../i18n/messages.ts';

export interface ClinikContextValue {
  readonly client: ClinikClient;
  readonly messages: Messages;
  /** BCP 47 locale for dates and numbers; undefined uses the browser's. */
  readonly locale: string | undefined;
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

/** The message catalogue of the nearest `ClinikProvider`. */
export function useMessages(): Messages {
  return useClinikContext().messages;
}
