/** Every string EncounterTimeline shows, overridable through `<ClinikProvider messages={{ encounterTimeline: {...} }}>`. */
export const encounterTimelineMessages = {
  title: 'Encounters',
  loading: 'Loading encounters…',
  loadError: 'Encounters could not be loaded.',
  empty: 'No encounters yet.',
  emptyHint: 'Visits, admissions and calls appear here once they are recorded.',
  untitled: 'Encounter',
  reason: 'Reason: {reason}',
  classAMB: 'Outpatient visit',
  classIMP: 'Inpatient stay',
  classEMER: 'Emergency',
  classHH: 'Home visit',
  classVR: 'Virtual visit',
  classACUTE: 'Acute inpatient stay',
  classNONAC: 'Non-acute inpatient stay',
  classOBSENC: 'Observation stay',
  classPRENC: 'Pre-admission',
  classSS: 'Short stay',
  classFLD: 'Field visit',
  statusPlanned: 'Planned',
  statusArrived: 'Arrived',
  statusTriaged: 'Triaged',
  statusInProgress: 'In progress',
  statusOnleave: 'On leave',
  statusFinished: 'Finished',
  statusCancelled: 'Cancelled',
  statusEnteredInError: 'Entered in error',
  statusUnknown: 'Unknown status',
};

export type EncounterTimelineMessages = typeof encounterTimelineMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    encounterTimeline: EncounterTimelineMessages;
  }
}
