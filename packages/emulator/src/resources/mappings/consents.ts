/** Consent: the simplified shape ↔ FHIR R4 Consent. */
import { consentCreateSchema, consentUpdateSchema, type Coding, type Consent, type ConsentCreate } from '@clinikapi/core';
import {
  coded,
  codedOut,
  compact,
  compactOrNone,
  maybeCoded,
  maybeCodedOut,
  nonEmpty,
  ref,
  refOut,
  textConceptOut,
  typedRef,
  typedRefOut,
} from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

const SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
const SCOPE_DISPLAYS: Readonly<Record<string, string>> = {
  'patient-privacy': 'Privacy Consent',
  research: 'Research',
  treatment: 'Treatment',
  adr: 'Advanced Care Directive',
};
const POLICY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentpolicycodes';
/** The consentpolicycodes code system: rules given as one of these are stored as a coding too. */
const POLICY_CODES = [
  'cric',
  'illinois-minor-procedure',
  'hipaa-auth',
  'hipaa-npp',
  'hipaa-restrictions',
  'hipaa-research',
  'hipaa-self-pay',
  'mdhhs-5515',
  'nyssipp',
  'va-10-0484',
  'va-10-0485',
  'va-10-5345',
  'va-21-4142',
  'va-10-10116',
  'va-10-10164',
  'dch-3927',
  'squaxin',
  'nl-lsp',
  'at-elga',
  'nih-hipaa',
  'nci',
  'nih-grdr',
  'nih-527',
  'ga4gh',
];

type Provision = NonNullable<Consent['provision']>;
type SimpleProvision = NonNullable<ConsentCreate['provision']>;

const copyCodings = (values: readonly Coding[] | undefined): Coding[] | undefined => values?.map((coding) => compact({ ...coding }));

function provisionToFhir(provision: SimpleProvision): Provision {
  return compact({
    type: provision.type,
    period: provision.period && compact({ ...provision.period }),
    actor: provision.actor?.map((actor) => ({ role: { text: actor.role }, reference: { reference: actor.reference } })),
    action: provision.action?.map((coding) => ({ coding: [compact({ ...coding })] })),
    securityLabel: copyCodings(provision.securityLabel as Coding[] | undefined),
    purpose: copyCodings(provision.purpose as Coding[] | undefined),
    class: copyCodings(provision.class as Coding[] | undefined),
    code: provision.code?.map((coding) => ({ coding: [compact({ ...coding })] })),
    dataPeriod: provision.dataPeriod && compact({ ...provision.dataPeriod }),
    data: provision.data?.map((data) => ({ meaning: data.meaning, reference: { reference: data.reference } })),
    // A nested rule with nothing in it says nothing: FHIR JSON has no empty objects.
    provision: nonEmpty(provision.provision?.map(provisionToFhir).filter((nested) => Object.keys(nested).length > 0)),
  });
}

function provisionFromFhir(provision: Provision): SimpleProvision | undefined {
  return compactOrNone({
    type: provision.type,
    period: provision.period,
    actor: provision.actor?.map((actor) => ({ role: textConceptOut(actor.role) ?? '', reference: actor.reference.reference ?? '' })),
    action: provision.action?.map((action) => compact({ ...(action.coding?.[0] ?? { display: action.text }) })),
    securityLabel: provision.securityLabel,
    purpose: provision.purpose,
    class: provision.class,
    code: provision.code?.map((code) => compact({ ...(code.coding?.[0] ?? { display: code.text }) })),
    dataPeriod: provision.dataPeriod,
    data: provision.data?.map((data) => ({ meaning: data.meaning, reference: data.reference.reference ?? '' })),
    provision: provision.provision?.map((nested) => provisionFromFhir(nested) ?? {}),
  }) as SimpleProvision | undefined;
}

export const consentMapping = defineMapping({
  createSchema: consentCreateSchema,
  updateSchema: consentUpdateSchema,
  toFhir: (input, context) =>
    compact({
      resourceType: 'Consent' as const,
      status: input.status ?? 'draft',
      scope: coded(SCOPE_SYSTEM, input.scope, SCOPE_DISPLAYS) ?? { text: '' },
      category: (typeof input.category === 'string' ? [input.category] : input.category).map((text) => ({ text })),
      patient: ref('Patient', input.patientId),
      dateTime: input.dateTime ?? context.now,
      performer: input.performerId ? [typedRef(input.performerId, 'Patient') as { reference: string }] : undefined,
      organization: input.organizationId ? [{ reference: `Organization/${input.organizationId}` }] : undefined,
      sourceAttachment: input.sourceAttachment && compact({ ...input.sourceAttachment }),
      sourceReference: typedRef(input.sourceReferenceId, 'DocumentReference'),
      policy: nonEmpty([
        ...(input.policyUri ? [{ uri: input.policyUri }] : []),
        ...(input.policies ?? []).map((policy) => compact({ ...policy })),
      ]),
      policyRule: maybeCoded(POLICY_SYSTEM, POLICY_CODES, input.policyRule),
      verification: input.verification?.map((verification) =>
        compact({
          verified: verification.verified,
          verifiedWith: typedRef(verification.verifiedWith, 'Patient'),
          verificationDate: verification.verificationDate,
        }),
      ),
      provision: input.provision && provisionToFhir(input.provision),
    }),
  fromFhir: (resource) => {
    const consent = resource as Consent;
    const policy = consent.policy ?? [];
    const singleUri = policy.length === 1 && policy[0]?.uri !== undefined && policy[0].authority === undefined ? policy[0].uri : undefined;
    const categories = consent.category?.map((category) => textConceptOut(category) ?? '') ?? [];
    return compact({
      patientId: refOut(consent.patient, 'Patient') ?? '',
      status: consent.status,
      scope: codedOut(consent.scope) ?? '',
      category: categories.length === 1 ? categories[0] : categories,
      dateTime: consent.dateTime,
      performerId: typedRefOut(consent.performer?.[0], 'Patient'),
      organizationId: refOut(consent.organization?.[0], 'Organization'),
      policyUri: singleUri,
      policies:
        singleUri === undefined && policy.length > 0
          ? policy.map((entry) => compact({ authority: entry.authority, uri: entry.uri }))
          : undefined,
      policyRule: maybeCodedOut(consent.policyRule),
      sourceAttachment: consent.sourceAttachment && compact({ ...consent.sourceAttachment }),
      sourceReferenceId: typedRefOut(consent.sourceReference, 'DocumentReference'),
      verification: consent.verification?.map((verification) =>
        compact({
          verified: verification.verified,
          verifiedWith: typedRefOut(verification.verifiedWith, 'Patient'),
          verificationDate: verification.verificationDate,
        }),
      ),
      provision: consent.provision && provisionFromFhir(consent.provision),
    });
  },
});
