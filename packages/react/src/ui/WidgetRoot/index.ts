export { WidgetRoot, type WidgetRootProps } from './WidgetRoot.tsx';
export { WidgetProvider, type WidgetProviderProps } from './WidgetProvider.tsx';
export { useAnnounce, type Announce } from './announcer.ts';
