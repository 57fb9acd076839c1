'use client';
/**
 * Each widget keeps its strings beside it, so the data layer's bundle carries none of them. A widget declares its
 * section by merging into `WidgetMessageCatalogue`:
 *
 *   declare module '../../i18n/widget-messages.ts' {
 *     interface WidgetMessageCatalogue { allergyRecorder: typeof allergyRecorderMessages }
 *   }
 *
 * and reads it, with the app's overrides from `<ClinikProvider messages={{ allergyRecorder: {...} }}>` applied,
 * through `useWidgetMessages('allergyRecorder', allergyRecorderMessages)`.
 */
import { useMemo } from 'react';
import { useClinikContext } from '../provider/context.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, one widget each
export interface WidgetMessageCatalogue {}

/** Overrides of any widget's strings, section by section. */
export type WidgetMessageOverrides = { readonly [Section in keyof WidgetMessageCatalogue]?: Partial<WidgetMessageCatalogue[Section]> };

export function useWidgetMessages<Section extends keyof WidgetMessageCatalogue>(
  section: Section,
  defaults: WidgetMessageCatalogue[Section],
): WidgetMessageCatalogue[Section] {
  const overrides = (useClinikContext().messages as WidgetMessageOverrides | undefined)?.[section];
  return useMemo(
    () => (overrides ? ({ ...(defaults as object), ...(overrides as object) } as WidgetMessageCatalogue[Section]) : defaults),
    [defaults, overrides],
  );
}
