'use client';
/** The React context behind `ClinikoProvider`. */
import { createContext, useContext } from 'react';
import type { ClinikoClient } from '../client/client.ts';

export interface ClinikoContextValue {
  readonly client: ClinikoClient;
}

export const ClinikoContext = createContext<ClinikoContextValue | null>(null);

export function useClinikoContext(): ClinikoContextValue {
  const value = useContext(ClinikoContext);
  if (!value) throw new Error('@clinikapi/react: Cliniko hooks must be used inside <ClinikoProvider proxyUrl="/api/cliniko">');
  return value;
}

/** The client of the nearest `ClinikoProvider`. */
export function useClinikoClient(): ClinikoClient {
  return useClinikoContext().client;
}
