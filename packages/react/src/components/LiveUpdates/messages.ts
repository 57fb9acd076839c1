/** Every string LiveUpdates shows, overridable through `<ClinikProvider messages={{ liveUpdates: {...} }}>`. */
export const liveUpdatesMessages = {
  /** While the stream is down and being retried. */
  reconnecting: 'Live updates paused. Reconnecting…',
  /** When the proxy refused the stream (the session ended). */
  stopped: 'Live updates stopped.',
  retry: 'Reconnect now',
};

export type LiveUpdatesMessages = typeof liveUpdatesMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    liveUpdates: LiveUpdatesMessages;
  }
}
