export { EncounterTimeline, type EncounterTimelineProps, type EncounterTimelineSlot } from './EncounterTimeline.tsx';
export {
  useEncounterTimeline,
  type EncounterItem,
  type EncounterTimelineState,
  type UseEncounterTimelineOptions,
} from './useEncounterTimeline.ts';
export { encounterTimelineMessages, type EncounterTimelineMessages } from './messages.ts';
