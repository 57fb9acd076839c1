export { LiveUpdates, type LiveUpdatesProps } from './LiveUpdates.tsx';
export { liveUpdatesMessages, type LiveUpdatesMessages } from './messages.ts';
