/** The facts a patient banner shows, worked out once and formatted through `Intl` in the provider's locale. */
import type { PatientSummary } from '@clinikapi/core';

/** A patient's age as the banner shows it: whole years, or months under two, or days under a month. */
export interface PatientAge {
  readonly value: number;
  readonly unit: 'year' | 'month' | 'day';
}

/** Whole years (or months under two, or days under a month) between a FHIR birth date and `now`. */
export function ageOf(birthDate: string | undefined, now: number): PatientAge | undefined {
  if (!birthDate) return undefined;
  const [year, month, day] = birthDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return undefined;
  const today = new Date(now);
  const [y, m, d] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
  const months = (y - year) * 12 + (m - month) - (d < day ? 1 : 0);
  if (months < 0) return undefined;
  if (months >= 24) return { value: Math.floor(months / 12), unit: 'year' };
  if (months >= 1) return { value: months, unit: 'month' };
  return { value: Math.max(0, Math.floor((now - Date.UTC(year, month - 1, day)) / 86_400_000)), unit: 'day' };
}

export function formatAge(age: PatientAge | undefined, locale: string | undefined): string {
  if (!age) return '';
  return new Intl.NumberFormat(locale, { style: 'unit', unit: age.unit, unitDisplay: 'long' }).format(age.value);
}

/** A language code (`ar`, `pt-BR`) in the reader's language ("Arabic"), or the code when `Intl` cannot name it. */
export function languageName(code: string, locale: string | undefined): string {
  try {
    return new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** One line of a postal address, in the order it is written on an envelope in most places. */
export function addressLine(address: PatientSummary['address']): string {
  if (!address) return '';
  const cityLine = [address.city, [address.state, address.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [...(address.line ?? []), cityLine, address.country].filter(Boolean).join(', ');
}

/** "AO" for Amara Okafor: a visual cue only; the name is always written out beside it. */
export function initialsOf(patient: Pick<PatientSummary, 'firstName' | 'lastName' | 'fullName'>): string {
  const first = patient.firstName.trim()[0] ?? '';
  const last = patient.lastName.trim()[0] ?? '';
  return (first + last || patient.fullName.trim()[0] || '?').toUpperCase();
}
