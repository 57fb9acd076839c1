'use client';
/**
 * The headless ConsentManager: the patient's consents with what can be done next with each (the lifecycle, as
 * conditional updates), and a form that records a new one (`consents.sign`) — signed now and in force, or saved as a
 * draft to sign later. A consent always names its policy (FHIR ppc-1), and a signed one carries its signature.
 */
import { type CONSENT_SCOPES, consentCreateSchema, consentPolicyRule, withRule, type Consent } from '@clinikapi/core';
import { useState } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { useAccess, useRecordsAccess } from '../../access/useAccess.ts';
import { useConsents, useCreateConsent, useUpdateConsent } from '../../hooks/resources/consents.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { rewordIssues } from '../../headless/form/reword-issues.ts';
import { useClinicalForm, type ClinicalForm } from '../../headless/form/useClinicalForm.ts';
import { byRelevance, CONSENT_STATUS_AFTER, type ConsentAction } from './consent-lifecycle.ts';
import { consentManagerMessages } from './messages.ts';
import { EMPTY_SIGNATURE, signatureAttachment, type SignatureValue } from './signature.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** What the form holds while it is being filled in. */
export interface ConsentFormValues {
  scope: '' | ConsentScope;
  /** A consent category code, chosen from the offered categories. */
  category: string;
  /** The policy chosen: a policy code (`hipaa-auth`), or `POLICY_ADDRESS` for a policy given by its address. */
  policy: string;
  /** The policy's address, when `policy` is `POLICY_ADDRESS`. */
  policyAddress: string;
  provisionType: '' | 'permit' | 'deny';
  /** `YYYY-MM-DD`. */
  provisionStart: string;
  provisionEnd: string;
  signature: SignatureValue;
  /** Which button sent the form: sign now (active), or keep as a draft. */
  intent: 'sign' | 'draft';
}

export const EMPTY_CONSENT_FORM: ConsentFormValues = {
  scope: '',
  category: '',
  policy: '',
  policyAddress: '',
  provisionType: '',
  provisionStart: '',
  provisionEnd: '',
  signature: EMPTY_SIGNATURE,
  intent: 'sign',
};

export interface UseConsentManagerOptions extends WidgetHookOptions<Consent> {
  /** The policy filled in at first, e.g. `hipaa-auth` or `https://example.org/privacy`. Default: none. */
  readonly defaultPolicy?: string | undefined;
  /** Called with the consent after it is recorded or its status changed. */
  readonly onSuccess?: ((consent: Consent) => void) | undefined;
}

export interface ConsentManagerState extends ClinicalForm<ConsentFormValues, Consent>, RecordsState {
  /** The patient's consents, in force first. */
  readonly records: readonly Consent[];
  /** Whether the user may move consents on (an update); false hides every lifecycle step. */
  readonly updatable: boolean;
  /** Moves a consent on (`sign` needs a signature). Resolves true when it was saved. */
  readonly transition: (consent: Consent, action: ConsentAction, signature?: SignatureValue) => Promise<boolean>;
  /** The change being saved, if any. */
  readonly pending: { readonly id: string; readonly action: ConsentAction } | null;
  /** The last change that failed, with why. */
  readonly transitionError: { readonly id: string; readonly action: ConsentAction; readonly error: ClinikApiError } | null;
}

const URI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/** The policy choice that means "a policy at this address" (a URI, not a code). */
export const POLICY_ADDRESS = 'address';

/** The form's policy fields for a policy given up front: a code is chosen, an address is filled in. */
function policyDefaults(policy: string | undefined): Pick<ConsentFormValues, 'policy' | 'policyAddress'> {
  if (!policy) return { policy: '', policyAddress: '' };
  return URI.test(policy) ? { policy: POLICY_ADDRESS, policyAddress: policy } : { policy, policyAddress: '' };
}

/** Where a core-schema issue belongs on this form. */
function fieldOf(path: string): keyof ConsentFormValues | undefined {
  const field = path.split('.')[0] ?? '';
  if (field === 'policyRule' || field === 'policies') return 'policy';
  if (field === 'policyUri') return 'policyAddress';
  if (field === 'sourceAttachment' || field === 'verification') return 'signature';
  if (field === 'provision') return path.includes('end') ? 'provisionEnd' : path.includes('start') ? 'provisionStart' : 'provisionType';
  return field in EMPTY_CONSENT_FORM ? (field as keyof ConsentFormValues) : undefined;
}

export function useConsentManager(options: UseConsentManagerOptions): ConsentManagerState {
  const { patientId } = options;
  const messages = useWidgetMessages('consentManager', consentManagerMessages);
  const reads = useRecordsAccess('consents');
  const access = useAccess();
  const records = useConsents({ patientId, count: 100 }, { enabled: reads.enabled });
  const create = useCreateConsent();
  const update = useUpdateConsent();
  const [pending, setPending] = useState<ConsentManagerState['pending']>(null);
  const [transitionError, setTransitionError] = useState<ConsentManagerState['transitionError']>(null);

  const titles = { drawn: messages.drawnTitle, typed: (name: string) => formatMessage(messages.typedTitle, { name }) };
  /** What signing adds to a consent: the signature, who it was verified with, and when. */
  const signing = (signature: SignatureValue) => {
    const now = new Date().toISOString();
    return {
      sourceAttachment: signatureAttachment(signature, titles),
      verification: [{ verified: true, verifiedWith: patientId, verificationDate: now }],
      dateTime: now,
    };
  };

  // The form always asks for a policy (FHIR ppc-1), which the API leaves optional.
  const schema = rewordIssues(withRule(consentCreateSchema, consentPolicyRule), (issue) => {
    const field = fieldOf(issue.path);
    if (field === 'policy' && issue.path === 'policyRule') return messages.policyRequired;
    if (field === 'scope') return messages.scopeRequired;
    if (field === 'category' && issue.message === 'Required') return messages.categoryRequired;
    if (field === 'signature' && issue.path.startsWith('sourceAttachment')) return messages.signatureRequired;
    return undefined;
  });

  const form = useClinicalForm({
    writes: { path: 'consents' },
    schema,
    defaultValues: { ...EMPTY_CONSENT_FORM, ...policyDefaults(options.defaultPolicy) },
    // Named beside every other problem, rather than only once the rest is valid (the API's ppc-1 rule runs last).
    validate: (values: ConsentFormValues) => {
      if (values.policy === '') return [{ field: 'policy', message: messages.policyRequired }];
      if (values.policy === POLICY_ADDRESS && values.policyAddress.trim() === '')
        return [{ field: 'policyAddress', message: messages.policyAddressRequired }];
      return [];
    },
    toInput: (values: ConsentFormValues) => {
      const policy = values.policy === POLICY_ADDRESS ? values.policyAddress.trim() : values.policy;
      const signed = values.intent === 'sign';
      const provision = dropBlanks({
        type: values.provisionType,
        period: dropBlanks({ start: values.provisionStart, end: values.provisionEnd }),
      });
      return {
        ...dropBlanks({
          patientId,
          status: signed ? 'active' : 'draft',
          scope: values.scope,
          category: values.category,
          performerId: patientId,
          policyRule: URI.test(policy) ? undefined : policy,
          policyUri: URI.test(policy) ? policy : undefined,
          provision: Object.keys(provision).length > 0 ? provision : undefined,
          ...(signed ? signing(values.signature) : {}),
        }),
        // Left blank, the signature makes the schema say so on its own field, beside every other problem, rather
        // than only after the rest is valid. Never sent: validation stops here.
        ...(signed && !signatureAttachment(values.signature, titles) ? { sourceAttachment: {} } : {}),
      };
    },
    submit: create.mutateAsync,
    fieldOf,
    onSuccess: options.onSuccess,
    onError: options.onError,
  });

  const transition: ConsentManagerState['transition'] = async (consent, action, signature) => {
    if (!consent.id) return false;
    setPending({ id: consent.id, action });
    setTransitionError(null);
    try {
      const changes = { status: CONSENT_STATUS_AFTER[action], ...(action === 'sign' && signature ? signing(signature) : {}) };
      const saved = await update.mutateAsync({ id: consent.id, changes, version: consent.meta?.versionId });
      options.onSuccess?.(saved);
      return true;
    } catch (caught) {
      const error = caught as ClinikApiError;
      setTransitionError({ id: consent.id, action, error });
      options.onError?.(error);
      return false;
    } finally {
      setPending(null);
    }
  };

  const list = [...(records.data?.data ?? [])].sort(byRelevance);

  return {
    ...form,
    records: list,
    ...recordsStateOf(records, list.length, reads.readable),
    updatable: !access.pending && access.can('consents', 'update') !== false,
    transition,
    pending,
    transitionError,
  };
}
