/**
 * The consent lifecycle as this widget offers it: draft → proposed → active → inactive, with proposed → rejected.
 * FHIR allows any status change; these are the ones that mean something at a front desk.
 */
import type { CONSENT_STATUSES, Consent } from '@clinikapi/core';

export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export type ConsentAction = 'propose' | 'sign' | 'reject' | 'withdraw';

const ACTIONS: Readonly<Record<ConsentStatus, readonly ConsentAction[]>> = {
  draft: ['propose', 'sign'],
  proposed: ['sign', 'reject'],
  active: ['withdraw'],
  rejected: [],
  inactive: [],
};

/** The status each action leads to. */
export const CONSENT_STATUS_AFTER: Readonly<Record<ConsentAction, ConsentStatus>> = {
  propose: 'proposed',
  sign: 'active',
  reject: 'rejected',
  withdraw: 'inactive',
};

/** What can be done next with a consent in `status` (nothing for an unknown status). */
export function consentActionsFor(status: string): readonly ConsentAction[] {
  return ACTIONS[status as ConsentStatus] ?? [];
}

const ORDER: readonly string[] = ['active', 'proposed', 'draft', 'rejected', 'inactive'];

/** In force first, then those waiting on someone, then the closed ones; the most recent first within each. */
export function byRelevance(a: Consent, b: Consent): number {
  const rank = (consent: Consent) => {
    const index = ORDER.indexOf(consent.status);
    return index === -1 ? ORDER.length : index;
  };
  const date = (consent: Consent) => consent.dateTime ?? consent.meta?.lastUpdated ?? '';
  return rank(a) - rank(b) || date(b).localeCompare(date(a));
}
