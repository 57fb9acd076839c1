/** The simplified Consent request shapes (`/v1/consents`), with FHIR's rule that a consent names its policy. */
import * as z from 'zod/mini';
import {
  anyReference,
  attachmentSchema,
  bool,
  checked,
  codingSchema,
  dateTimeSchema,
  reference,
  list,
  oneOf,
  optionalText,
  past,
  periodSchema,
  requiredText,
  rule,
  strictObject,
  typedReference,
  updateSchemaOf,
  uriSchema,
} from './common.ts';

export const CONSENT_STATUSES = ['draft', 'proposed', 'active', 'rejected', 'inactive'] as const;
/** The four FHIR consent scopes. */
export const CONSENT_SCOPES = ['patient-privacy', 'research', 'treatment', 'adr'] as const;

const codings = z.optional(list(codingSchema, 20));

const provisionFields = {
  type: z.optional(oneOf(['deny', 'permit'])),
  period: z.optional(periodSchema),
  actor: z.optional(list(strictObject({ role: requiredText(200), reference: anyReference }), 20)),
  action: codings,
  securityLabel: codings,
  purpose: codings,
  class: codings,
  /** Codes of the content the rule is about (LOINC, SNOMED…). */
  code: codings,
  dataPeriod: z.optional(periodSchema),
  data: z.optional(
    list(strictObject({ meaning: oneOf(['instance', 'related', 'dependents', 'authoredby']), reference: anyReference }), 50),
  ),
};
/**
 * A consent rule as validated, with nested exceptions to it. Written out rather than inferred from `provisionFields`,
 * so the public type names nothing this module keeps to itself; `provisionSchema`'s annotation holds the two together.
 */
export interface ConsentProvision {
  type?: 'deny' | 'permit' | undefined;
  period?: z.output<typeof periodSchema> | undefined;
  actor?: { role: string; reference: string }[] | undefined;
  action?: z.output<typeof codingSchema>[] | undefined;
  securityLabel?: z.output<typeof codingSchema>[] | undefined;
  purpose?: z.output<typeof codingSchema>[] | undefined;
  class?: z.output<typeof codingSchema>[] | undefined;
  /** Codes of the content the rule is about (LOINC, SNOMED…). */
  code?: z.output<typeof codingSchema>[] | undefined;
  dataPeriod?: z.output<typeof periodSchema> | undefined;
  data?: { meaning: 'instance' | 'related' | 'dependents' | 'authoredby'; reference: string }[] | undefined;
  provision?: ConsentProvision[] | undefined;
}
/** A consent rule as the official SDK sends it: the same fields (none is transformed on the way in). */
export type ConsentProvisionInput = ConsentProvision;

const provisionSchema: z.ZodMiniType<ConsentProvision, ConsentProvisionInput> = z.lazy(() =>
  strictObject({ ...provisionFields, provision: z.optional(list(provisionSchema, 10)) }),
);

const consentFields = {
  patientId: reference('Patient'),
  /** Defaults to `draft`: a consent is only in force once its status says so. */
  status: z.optional(oneOf(CONSENT_STATUSES)),
  scope: oneOf(CONSENT_SCOPES),
  /** What kind of consent, e.g. `hipaa-notice`; one or several. */
  category: z.union([requiredText(200), list(requiredText(200), 10, 1)], {
    error: (issue) => (issue.input === undefined || issue.input === null ? 'Required' : 'Must be text or a list of texts'),
  }),
  /** When the consent was given; defaults to the time of the request. */
  dateTime: z.optional(past(dateTimeSchema())),
  /** Who is agreeing: the patient (an id), or `Practitioner/…`, `RelatedPerson/…`, `Organization/…`. */
  performerId: z.optional(typedReference(['Patient', 'Practitioner', 'RelatedPerson', 'Organization', 'PractitionerRole'])),
  /** The custodian organisation. */
  organizationId: z.optional(reference('Organization')),
  policyUri: z.optional(uriSchema),
  policies: z.optional(list(strictObject({ authority: z.optional(uriSchema), uri: z.optional(uriSchema) }), 10)),
  /** The regulation consented to, e.g. `hipaa-auth`. */
  policyRule: optionalText(200),
  sourceAttachment: z.optional(attachmentSchema),
  sourceReferenceId: z.optional(typedReference(['DocumentReference', 'Consent', 'QuestionnaireResponse', 'Contract'])),
  verification: z.optional(
    list(
      strictObject({
        verified: bool(),
        verifiedWith: z.optional(typedReference(['Patient', 'RelatedPerson'])),
        verificationDate: z.optional(dateTimeSchema()),
      }),
      10,
    ),
  ),
  provision: z.optional(provisionSchema),
};

/**
 * FHIR ppc-1: a consent needs a policy (`policyRule`, `policyUri` or `policies`). The API's contract leaves all three
 * optional, so this is not part of `consentCreateSchema`; forms that want it add it with `withRule`.
 */
export function consentPolicyRule(
  consent: { policyRule?: string | undefined; policyUri?: string | undefined; policies?: readonly unknown[] | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  rule(
    ctx,
    consent.policyRule !== undefined || consent.policyUri !== undefined || (consent.policies?.length ?? 0) > 0,
    'policyRule',
    'A consent needs a policyRule or a policyUri',
  );
}

/** `POST /v1/consents` body. */
export const consentCreateSchema = checked(
  strictObject(consentFields),
  z.superRefine((consent, ctx) => {
    rule(
      ctx,
      consent.sourceAttachment === undefined || consent.sourceReferenceId === undefined,
      'sourceReferenceId',
      'Give sourceAttachment or sourceReferenceId, not both',
    );
  }),
);
/** `PATCH /v1/consents/{id}` object body. */
export const consentUpdateSchema = updateSchemaOf(consentFields);

export type ConsentCreate = z.input<typeof consentCreateSchema>;
export type ConsentUpdate = z.input<typeof consentUpdateSchema>;
