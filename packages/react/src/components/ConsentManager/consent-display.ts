/** Reading a FHIR Consent for display: its scope, category, policy and signature in the words a person uses. */
import { isWebLink, type Consent } from '@clinikapi/core';
import { codeName, type CodeNameMessages } from '../../codes/code-names.ts';
import { conceptCode, conceptText } from '../../headless/fhir-display.ts';
import type { ConsentManagerMessages } from './messages.ts';
import { fromBase64 } from './signature.ts';

export function scopeLabel(scope: string | undefined, messages: ConsentManagerMessages): string {
  if (scope === 'patient-privacy') return messages.scopePrivacy;
  if (scope === 'research') return messages.scopeResearch;
  if (scope === 'treatment') return messages.scopeTreatment;
  if (scope === 'adr') return messages.scopeAdr;
  return scope ?? '';
}

export function statusLabel(status: string, messages: ConsentManagerMessages): string {
  if (status === 'draft') return messages.statusDraft;
  if (status === 'proposed') return messages.statusProposed;
  if (status === 'active') return messages.statusActive;
  if (status === 'rejected') return messages.statusRejected;
  if (status === 'inactive') return messages.statusInactive;
  return status;
}

/** "Privacy — HIPAA privacy notice": the scope and category, named from the code list, for a sentence or a dialog. */
export function consentName(consent: Consent, messages: ConsentManagerMessages, names: CodeNameMessages): string {
  const category = (consent.category ?? [])
    .map((concept) => codeName('consentCategory', conceptCode(concept) ?? concept.text, names, conceptText(concept)))
    .filter(Boolean)
    .join(', ');
  const scope = scopeLabel(conceptCode(consent.scope), messages);
  return category ? `${scope} — ${category}` : scope;
}

/** The policy: its rule, named from the code list, else its URI (which can be linked, when it is a web address). */
export function policyOf(
  consent: Consent,
  names: CodeNameMessages,
): { readonly text: string; readonly href: string | undefined } | undefined {
  const rule = consent.policyRule && (conceptCode(consent.policyRule) ?? conceptText(consent.policyRule));
  if (rule) return { text: codeName('consentPolicy', rule, names), href: undefined };
  const uri = consent.policy?.find((policy) => policy.uri)?.uri;
  if (!uri) return undefined;
  return { text: uri, href: isWebLink(uri) ? uri : undefined };
}

export type StoredSignature =
  | { readonly kind: 'drawn'; readonly src: string }
  | { readonly kind: 'typed'; readonly name: string }
  | { readonly kind: 'document'; readonly title: string | undefined };

/**
 * The signature a consent carries. A drawn one is shown as an image only from inline SVG or PNG data (an `<img>`
 * runs no script); anything else is named, never fetched.
 */
export function signatureOf(consent: Consent): StoredSignature | undefined {
  const attachment = consent.sourceAttachment;
  if (!attachment) return undefined;
  if (attachment.data && (attachment.contentType === 'image/svg+xml' || attachment.contentType === 'image/png')) {
    return { kind: 'drawn', src: `data:${attachment.contentType};base64,${attachment.data}` };
  }
  if (attachment.data && attachment.contentType === 'text/plain') {
    const name = fromBase64(attachment.data);
    if (name) return { kind: 'typed', name };
  }
  return { kind: 'document', title: attachment.title };
}
