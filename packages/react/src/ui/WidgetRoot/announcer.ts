'use client';
/** Announces the result of an async action (saved, failed) to screen readers through the widget's live region. */
import { createContext, useContext } from 'react';

export type Announce = (message: string, politeness?: 'polite' | 'assertive') => void;

export const AnnouncerContext = createContext<Announce>(() => undefined);

/** The announcer of the enclosing widget. */
export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
