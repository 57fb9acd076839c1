/**
 * Every user-facing string of the library, in English. Apps override any subset through
 * `<ClinikProvider messages={...}>`; placeholders are `{name}` and are filled by `formatMessage`.
 */
import type { WidgetMessageOverrides } from './widget-messages.ts';

export const defaultMessages = {
  common: {
    retry: 'Try again',
    loading: 'Loading…',
    requestId: 'Reference: {requestId}',
  },
  errors: {
    network: 'The clinic server could not be reached. Check your connection and try again.',
    timeout: 'The clinic server took too long to answer. Try again.',
    unauthorized: 'Your session has ended. Sign in again to continue.',
    forbidden: 'You do not have permission to see this.',
    notFound: 'This record could not be found.',
    conflict: 'Someone else changed this record while you were working on it. Review the latest version and try again.',
    validation: 'Some fields need attention.',
    rateLimited: 'Too many requests. Wait a moment and try again.',
    server: 'Something went wrong on the server.',
    generic: 'Something went wrong.',
  },
};

export type Messages = typeof defaultMessages;

/** Any subset of the catalogue, section by section. */
export type MessageOverrides = { readonly [Section in keyof Messages]?: Partial<Messages[Section]> } & WidgetMessageOverrides;

export function mergeMessages(overrides: MessageOverrides | undefined): Messages {
  if (!overrides) return defaultMessages;
  const merged = { ...defaultMessages } as Record<string, Record<string, string>>;
  for (const [section, values] of Object.entries(overrides)) {
    merged[section] = { ...merged[section], ...values };
  }
  return merged as Messages;
}

/**
 * Fills `{name}` placeholders; unknown placeholders are left as written so a missing value is visible. Numbers are
 * formatted with `Intl.NumberFormat` in `locale` when one is given (`1,234` in English, `1.234` in German).
 */
export function formatMessage(template: string, values: Readonly<Record<string, string | number>> = {}, locale?: string): string {
  const numbers = locale === undefined ? undefined : new Intl.NumberFormat(locale);
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (!Object.hasOwn(values, name)) return placeholder;
    const value = values[name];
    return typeof value === 'number' && numbers ? numbers.format(value) : String(value);
  });
}
