'use client';
/**
 * One display name for every code the widgets show — appointment types, statuses and priorities, note types (by
 * name or LOINC code), consent categories and policies — so no widget ever shows `followup`,
 * `FOLLOWUP`, `booked` or `11506-3` where a person reads. Every widget reads this one list; an app renames a code
 * once, for all of them, through `messages.codeNames` (keys are `kind.code`, codes lower-case).
 */
import { useWidgetMessages } from '../i18n/widget-messages.ts';

export const codeNameMessages = {
  // v2-0276 appointment reasons, as the API stores them (any case).
  'appointmentType.routine': 'Routine visit',
  'appointmentType.followup': 'Follow-up',
  'appointmentType.emergency': 'Urgent',
  'appointmentType.walkin': 'Walk-in',
  'appointmentType.checkup': 'Check-up',
  // FHIR appointment statuses.
  'appointmentStatus.proposed': 'Proposed',
  'appointmentStatus.pending': 'Pending',
  'appointmentStatus.booked': 'Booked',
  'appointmentStatus.arrived': 'Arrived',
  'appointmentStatus.fulfilled': 'Completed',
  'appointmentStatus.cancelled': 'Cancelled',
  'appointmentStatus.noshow': 'Did not attend',
  'appointmentStatus.entered-in-error': 'Entered in error',
  'appointmentStatus.checked-in': 'Checked in',
  'appointmentStatus.waitlist': 'Waiting list',
  // The priorities the scheduler offers (FHIR's 0–9).
  'appointmentPriority.routine': 'Routine',
  'appointmentPriority.low': 'Low',
  'appointmentPriority.medium': 'Medium',
  'appointmentPriority.high': 'High',
  // Note types: the API's names and their LOINC codes.
  'noteType.progress-note': 'Progress note',
  'noteType.consultation-note': 'Consultation note',
  'noteType.discharge-summary': 'Discharge summary',
  'noteType.history-and-physical': 'History and physical',
  'noteType.operative-note': 'Operative note',
  'noteType.procedure-note': 'Procedure note',
  'noteType.referral-note': 'Referral note',
  'noteType.transfer-summary': 'Transfer summary',
  'noteType.other': 'Other',
  'noteType.11506-3': 'Progress note',
  'noteType.11488-4': 'Consultation note',
  'noteType.18842-5': 'Discharge summary',
  'noteType.34117-2': 'History and physical',
  'noteType.11504-8': 'Operative note',
  'noteType.28570-0': 'Procedure note',
  'noteType.57133-1': 'Referral note',
  'noteType.18761-7': 'Transfer summary',
  // FHIR consent-category codes (and the HIPAA notice the docs use), and the consentpolicycodes the form offers.
  'consentCategory.hipaa-notice': 'HIPAA privacy notice',
  'consentCategory.npp': 'Notice of privacy practices',
  'consentCategory.research': 'Research participation',
  'consentCategory.treatment': 'Consent to treatment',
  'consentCategory.acd': 'Advance care directive',
  'consentCategory.dnr': 'Do not resuscitate',
  'consentCategory.polst': 'POLST (life-sustaining treatment)',
  'consentCategory.hcd': 'Health care directive',
  'consentCategory.emrgonly': 'Emergency care only',
  'consentCategory.59284-0': 'Patient consent',
  'consentCategory.57016-8': 'Privacy policy acknowledgment',
  'consentPolicy.hipaa-auth': 'HIPAA authorization',
  'consentPolicy.hipaa-npp': 'HIPAA notice of privacy practices',
  'consentPolicy.hipaa-research': 'HIPAA research authorization',
  'consentPolicy.hipaa-restrictions': 'HIPAA restrictions',
  'consentPolicy.hipaa-self-pay': 'HIPAA self-pay restriction',
  'consentPolicy.cric': 'Common Rule informed consent',
  'consentPolicy.nih-hipaa': 'NIH HIPAA research authorization',
};

export type CodeNameMessages = typeof codeNameMessages;

declare module '../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    codeNames: CodeNameMessages;
  }
}

/** The kinds of code the list names. */
export type CodeKind = 'appointmentType' | 'appointmentStatus' | 'appointmentPriority' | 'noteType' | 'consentCategory' | 'consentPolicy';

/**
 * A code in words, never the code: its name from the list (matched whatever its case), else the record's own
 * display text when it has one, else the code made readable (`walk-in_clinic` → "Walk in clinic").
 */
export function codeName(kind: CodeKind, code: string | undefined, names: CodeNameMessages, display?: string): string {
  if (!code) return display ?? '';
  const named = listedName(kind, code, names);
  if (named) return named;
  if (display && display !== code) return display;
  const words = code.replace(/[-_]+/g, ' ').trim();
  const lower = words === words.toUpperCase() ? words.toLowerCase() : words;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** The list's name for a code (whatever its case), or undefined when the list has none. */
export function listedName(kind: CodeKind, code: string, names: CodeNameMessages): string | undefined {
  return (names as Readonly<Record<string, string>>)[`${kind}.${code.toLowerCase()}`];
}

/** `codeName` with the provider's list (`messages.codeNames`): `const name = useCodeNames(); name('appointmentStatus', 'booked')`. */
export function useCodeNames(): (kind: CodeKind, code: string | undefined, display?: string) => string {
  const names = useWidgetMessages('codeNames', codeNameMessages);
  return (kind, code, display) => codeName(kind, code, names, display);
}
