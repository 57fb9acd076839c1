/** Accounts, charge items, invoices, payment notices and reconciliations: the simplified shapes ↔ FHIR R4. */
import { OTHER_RESOURCE_SCHEMAS as SCHEMAS } from '@clinikapi/core';
import {
  conceptOf,
  noteOf,
  now,
  refInList,
  refTo,
  refsTo,
  rule,
  ruleMapping,
  same,
  textList,
  textOf,
  typedRefTo,
  typedReference,
  withDefault,
  type Fields,
} from '../field-rules.ts';
import { refOut, textConcept, textConceptOut, typedRefOut } from '../fhir-values.ts';

type Concept = { text?: string };
type Ref = { reference?: string };

/** `[{ function, actorId }]` ↔ `[{ function: { text }, actor }]`; a bare actor id is a practitioner. */
const performers = (element: string, field: string, roleField: 'function' | 'role') =>
  rule(
    element,
    (input) =>
      (input[field] as Fields[] | undefined)?.map((performer) => ({
        [roleField]: textConcept(performer[roleField] as string | undefined),
        actor: typedReference(performer.actorId as string, 'Practitioner'),
      })),
    (value) => ({
      [field]: (value as (Record<string, Concept | undefined> & { actor: Ref })[]).map((performer) => ({
        [roleField]: textConceptOut(performer[roleField]),
        actorId: typedRefOut(performer.actor, 'Practitioner'),
      })),
    }),
  );

export const accountMapping = ruleMapping({
  resourceType: 'Account',
  createSchema: SCHEMAS.accounts.create,
  updateSchema: SCHEMAS.accounts.update,
  rules: [
    same('status'),
    textOf('type'),
    same('name'),
    refInList('Patient', 'patientId', 'subject'),
    same('servicePeriod'),
    rule(
      'coverage',
      (input) =>
        (input.coverage as Fields[] | undefined)?.map((coverage) => ({
          coverage: { reference: `Coverage/${coverage.coverageId as string}` },
          priority: coverage.priority,
        })),
      (value) => ({
        coverage: (value as { coverage: Ref; priority?: number }[]).map((coverage) => ({
          coverageId: refOut(coverage.coverage, 'Coverage'),
          priority: coverage.priority,
        })),
      }),
    ),
    refTo('Organization', 'ownerId', 'owner'),
    same('description'),
    rule(
      'guarantor',
      (input) =>
        (input.guarantor as Fields[] | undefined)?.map(({ partyId, ...rest }) => ({
          party: typedReference(partyId as string, 'Patient'),
          ...rest,
        })),
      (value) => ({
        guarantor: (value as (Fields & { party: Ref })[]).map(({ party, ...rest }) => ({
          partyId: typedRefOut(party, 'Patient'),
          ...rest,
        })),
      }),
    ),
    refTo('Account', 'partOfId', 'partOf'),
  ],
});

export const chargeItemMapping = ruleMapping({
  resourceType: 'ChargeItem',
  createSchema: SCHEMAS['charge-items'].create,
  updateSchema: SCHEMAS['charge-items'].update,
  rules: [
    same('status'),
    conceptOf('code'),
    refTo('Patient', 'patientId', 'subject'),
    // R4 names a charge item's encounter `context`.
    refTo('Encounter', 'encounterId', 'context'),
    same('occurrenceDateTime'),
    same('occurrencePeriod'),
    performers('performer', 'performer', 'function'),
    refTo('Organization', 'performingOrganizationId', 'performingOrganization'),
    refTo('Organization', 'requestingOrganizationId', 'requestingOrganization'),
    same('quantity'),
    // R4 spells this element `bodysite`.
    textList('bodySite', 'bodysite'),
    same('priceOverride'),
    same('overrideReason'),
    withDefault('enteredDate', now),
    textList('reason'),
    refsTo('Account', 'accountIds', 'account'),
    noteOf(),
  ],
});

interface StoredLineItem {
  sequence?: number;
  chargeItemCodeableConcept?: Concept;
  priceComponent?: Fields[];
}

export const invoiceMapping = ruleMapping({
  resourceType: 'Invoice',
  createSchema: SCHEMAS.invoices.create,
  updateSchema: SCHEMAS.invoices.update,
  rules: [
    same('status'),
    same('cancelledReason'),
    textOf('type'),
    refTo('Patient', 'patientId', 'subject'),
    typedRefTo('Patient', 'recipientId', 'recipient'),
    withDefault('date', now),
    performers('participant', 'participant', 'role'),
    refTo('Organization', 'issuerId', 'issuer'),
    refTo('Account', 'accountId', 'account'),
    rule(
      'lineItem',
      (input) =>
        (input.lineItem as Fields[] | undefined)?.map((item) => ({
          sequence: item.sequence,
          chargeItemCodeableConcept: textConcept(item.chargeItemCode as string),
          priceComponent: item.priceComponent,
        })),
      (value) => ({
        lineItem: (value as StoredLineItem[]).map((item) => ({
          sequence: item.sequence,
          chargeItemCode: textConceptOut(item.chargeItemCodeableConcept),
          priceComponent: item.priceComponent,
        })),
      }),
    ),
    same('totalNet'),
    same('totalGross'),
    same('paymentTerms'),
    noteOf(),
  ],
});

export const paymentNoticeMapping = ruleMapping({
  resourceType: 'PaymentNotice',
  createSchema: SCHEMAS['payment-notices'].create,
  updateSchema: SCHEMAS['payment-notices'].update,
  rules: [
    same('status'),
    typedRefTo('Claim', 'requestId', 'request'),
    typedRefTo('ClaimResponse', 'responseId', 'response'),
    withDefault('created', now),
    typedRefTo('Practitioner', 'providerId', 'provider'),
    refTo('PaymentReconciliation', 'paymentId', 'payment'),
    same('paymentDate'),
    typedRefTo('Practitioner', 'payeeId', 'payee'),
    refTo('Organization', 'recipientId', 'recipient'),
    same('amount'),
    textOf('paymentStatus'),
  ],
});

interface StoredDetail extends Fields {
  type: Concept;
  request?: Ref;
  submitter?: Ref;
  payee?: Ref;
}

export const paymentReconciliationMapping = ruleMapping({
  resourceType: 'PaymentReconciliation',
  createSchema: SCHEMAS['payment-reconciliations'].create,
  updateSchema: SCHEMAS['payment-reconciliations'].update,
  rules: [
    same('status'),
    same('period'),
    withDefault('created', now),
    refTo('Organization', 'paymentIssuerId', 'paymentIssuer'),
    refTo('Task', 'requestId', 'request'),
    typedRefTo('Practitioner', 'requestorId', 'requestor'),
    same('outcome'),
    same('disposition'),
    same('paymentDate'),
    same('paymentAmount'),
    rule(
      'detail',
      (input) =>
        (input.detail as Fields[] | undefined)?.map(({ type, requestId, submitterId, payeeId, ...rest }) => ({
          type: textConcept(type as string),
          request: typedReference(requestId as string | undefined, 'Claim'),
          submitter: typedReference(submitterId as string | undefined, 'Practitioner'),
          payee: typedReference(payeeId as string | undefined, 'Practitioner'),
          ...rest,
        })),
      (value) => ({
        detail: (value as StoredDetail[]).map(({ type, request, submitter, payee, ...rest }) => ({
          type: textConceptOut(type),
          requestId: typedRefOut(request, 'Claim'),
          submitterId: typedRefOut(submitter, 'Practitioner'),
          payeeId: typedRefOut(payee, 'Practitioner'),
          ...rest,
        })),
      }),
    ),
    same('processNote'),
  ],
});
