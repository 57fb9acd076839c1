/** The simplified Consent request shapes (`/v1/consents`), with FHIR's rule that a consent names its policy. */
import { z } from 'zod';
import {
  attachmentSchema,
  bool,
  codingSchema,
  dateTimeSchema,
  idSchema,
  list,
  oneOf,
  optionalText,
  past,
  periodSchema,
  requiredText,
  rule,
  typedReference,
  updateSchemaOf,
  uriSchema,
  anyReference,
} from './common.ts';

export const CONSENT_STATUSES = ['draft', 'proposed', 'active', 'rejected', 'inactive'] as const;
/** The four FHIR consent scopes. */
export const CONSENT_SCOPES = ['patient-privacy', 'research', 'treatment', 'adr'] as const;

const codings = list(codingSchema, 20).optional();

const provisionSchema = z.strictObject({
  type: oneOf(['deny', 'permit']).optional(),
  period: periodSchema.optional(),
  actor: list(z.strictObject({ role: requiredText(200), reference: anyReference }), 20).optional(),
  action: codings,
  securityLabel: codings,
  purpose: codings,
  class: codings,
  dataPeriod: periodSchema.optional(),
  data: list(
    z.strictObject({ meaning: oneOf(['instance', 'related', 'dependents', 'authoredby']), reference: anyReference }),
    50,
  ).optional(),
});

const consentFields = {
  patientId: idSchema,
  /** Defaults to `draft`: a consent is only in force once its status says so. */
  status: oneOf(CONSENT_STATUSES).optional(),
  scope: oneOf(CONSENT_SCOPES),
  /** What kind of consent, e.g. `hipaa-notice`; one or several. */
  category: z.union([requiredText(200), list(requiredText(200), 10, 1)], {
    error: (issue) => (issue.input === undefined || issue.input === null ? 'Required' : 'Must be text or a list of texts'),
  }),
  /** When the consent was given; defaults to the time of the request. */
  dateTime: past(dateTimeSchema()).optional(),
  /** Who is agreeing: the patient (an id), or `Practitioner/…`, `RelatedPerson/…`, `Organization/…`. */
  performerId: typedReference(['Patient', 'Practitioner', 'RelatedPerson', 'Organization', 'PractitionerRole']).optional(),
  /** The custodian organisation. */
  organizationId: idSchema.optional(),
  policyUri: uriSchema.optional(),
  policies: list(z.strictObject({ authority: uriSchema.optional(), uri: uriSchema.optional() }), 10).optional(),
  /** The regulation consented to, e.g. `hipaa-auth`. */
  policyRule: optionalText(200),
  sourceAttachment: attachmentSchema.optional(),
  sourceReferenceId: typedReference(['DocumentReference', 'Consent', 'QuestionnaireResponse', 'Contract']).optional(),
  verification: list(
    z.strictObject({
      verified: bool(),
      verifiedWith: typedReference(['Patient', 'RelatedPerson']).optional(),
      verificationDate: dateTimeSchema().optional(),
    }),
    10,
  ).optional(),
  provision: provisionSchema.optional(),
};

/** `POST /v1/consents` body. FHIR ppc-1: a consent needs a policy (`policyRule`, `policyUri` or `policies`). */
export const consentCreateSchema = z.strictObject(consentFields).superRefine((consent, ctx) => {
  rule(
    ctx,
    consent.policyRule !== undefined || consent.policyUri !== undefined || (consent.policies?.length ?? 0) > 0,
    'policyRule',
    'A consent needs a policyRule or a policyUri',
  );
  rule(
    ctx,
    consent.sourceAttachment === undefined || consent.sourceReferenceId === undefined,
    'sourceReferenceId',
    'Give sourceAttachment or sourceReferenceId, not both',
  );
});
/** `PATCH /v1/consents/{id}` object body. */
export const consentUpdateSchema = updateSchemaOf(consentFields);

export type ConsentCreate = z.input<typeof consentCreateSchema>;
export type ConsentUpdate = z.input<typeof consentUpdateSchema>;
