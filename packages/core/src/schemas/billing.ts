/** The simplified request shapes of billing: accounts, charge items, invoices, payment notices and reconciliations. */
import * as z from 'zod/mini';
import {
  bool,
  checked,
  conceptSchema,
  dateSchema,
  dateTimeSchema,
  list,
  num,
  oneOf,
  optionalText,
  periodSchema,
  reference,
  requiredText,
  rule,
  strictObject,
  typedReference,
  updateSchemaOf,
} from './common.ts';
import {
  FINANCIAL_STATUSES,
  PROCESSING_OUTCOMES,
  flexibleReference,
  ids,
  measureSchema,
  moneySchema,
  requiredMoneySchema,
  texts,
} from './values.ts';

/** Someone who provides care or bills for it: `Type/id`, or a bare id meaning a practitioner. */
const providerReference = typedReference(['Practitioner', 'PractitionerRole', 'Organization']);

const accountFields = {
  status: oneOf(['active', 'inactive', 'on-hold']),
  /** patient, expense, depreciation… */
  type: optionalText(200),
  name: optionalText(500),
  patientId: z.optional(reference('Patient')),
  servicePeriod: z.optional(periodSchema),
  coverage: z.optional(
    list(strictObject({ coverageId: reference('Coverage'), priority: z.optional(num({ int: true, min: 1, max: 100 })) }), 10),
  ),
  /** The organisation that manages the account. */
  ownerId: z.optional(reference('Organization')),
  description: optionalText(2000),
  guarantor: z.optional(
    list(
      strictObject({
        /** `Type/id`, or a bare id meaning a patient. */
        partyId: typedReference(['Patient', 'RelatedPerson', 'Organization']),
        onHold: z.optional(bool()),
        period: z.optional(periodSchema),
      }),
      10,
    ),
  ),
  partOfId: z.optional(reference('Account')),
};
/** `POST /v1/accounts` body. */
export const accountCreateSchema = strictObject(accountFields);
/** `PATCH /v1/accounts/{id}` object body. */
export const accountUpdateSchema = updateSchemaOf(accountFields);

const chargeItemFields = {
  status: oneOf(['planned', 'billable', 'not-billable', 'aborted', 'billed']),
  /** The billing code: text or a coding. */
  code: conceptSchema(500),
  patientId: reference('Patient'),
  encounterId: z.optional(reference('Encounter')),
  occurrenceDateTime: z.optional(dateTimeSchema()),
  occurrencePeriod: z.optional(periodSchema),
  performer: z.optional(list(strictObject({ function: optionalText(200), actorId: providerReference }), 20)),
  performingOrganizationId: z.optional(reference('Organization')),
  requestingOrganizationId: z.optional(reference('Organization')),
  quantity: z.optional(measureSchema),
  bodySite: texts(500, 10),
  priceOverride: z.optional(moneySchema),
  overrideReason: optionalText(2000),
  /** Defaults to the time of the request. */
  enteredDate: z.optional(dateTimeSchema()),
  reason: texts(500, 10),
  accountIds: ids('Account', 10),
  note: optionalText(5000),
};
/** `POST /v1/charge-items` body. */
export const chargeItemCreateSchema = checked(
  strictObject(chargeItemFields),
  z.superRefine((item, ctx) => {
    rule(
      ctx,
      item.occurrenceDateTime === undefined || item.occurrencePeriod === undefined,
      'occurrencePeriod',
      'Give occurrenceDateTime or occurrencePeriod, not both',
    );
  }),
);
/** `PATCH /v1/charge-items/{id}` object body. */
export const chargeItemUpdateSchema = updateSchemaOf(chargeItemFields);

/** FHIR's invoice-priceComponentType: what a price component is. */
export const PRICE_COMPONENT_TYPES = ['base', 'surcharge', 'deduction', 'discount', 'tax', 'informational'] as const;

const invoiceFields = {
  status: oneOf(['draft', 'issued', 'balanced', 'cancelled']),
  patientId: z.optional(reference('Patient')),
  type: optionalText(200),
  /** `Type/id`, or a bare id meaning a patient. */
  recipientId: z.optional(typedReference(['Patient', 'Organization', 'RelatedPerson'])),
  /** Defaults to the time of the request. */
  date: z.optional(dateTimeSchema()),
  issuerId: z.optional(reference('Organization')),
  accountId: z.optional(reference('Account')),
  participant: z.optional(
    list(
      strictObject({
        role: optionalText(200),
        /** `Type/id`, or a bare id meaning a practitioner. */
        actorId: typedReference(['Practitioner', 'Organization', 'Patient', 'PractitionerRole', 'Device', 'RelatedPerson']),
      }),
      20,
    ),
  ),
  lineItem: z.optional(
    list(
      strictObject({
        sequence: z.optional(num({ int: true, min: 1, max: 10_000 })),
        chargeItemCode: requiredText(500),
        priceComponent: z.optional(list(strictObject({ type: oneOf(PRICE_COMPONENT_TYPES), amount: z.optional(moneySchema) }), 10)),
      }),
      50,
    ),
  ),
  totalNet: z.optional(moneySchema),
  totalGross: z.optional(moneySchema),
  /** Markdown. */
  paymentTerms: optionalText(2000),
  cancelledReason: optionalText(1000),
  note: optionalText(5000),
};
/** `POST /v1/invoices` body. */
export const invoiceCreateSchema = checked(
  strictObject(invoiceFields),
  z.superRefine((invoice, ctx) => {
    rule(ctx, invoice.cancelledReason === undefined || invoice.status === 'cancelled', 'cancelledReason', 'Only for cancelled invoices');
  }),
);
/** `PATCH /v1/invoices/{id}` object body. */
export const invoiceUpdateSchema = updateSchemaOf(invoiceFields);

const paymentNoticeFields = {
  status: oneOf(FINANCIAL_STATUSES),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  providerId: z.optional(providerReference),
  /** The PaymentReconciliation. */
  paymentId: reference('PaymentReconciliation'),
  paymentDate: z.optional(dateSchema()),
  payeeId: z.optional(providerReference),
  /** The organisation told of the payment. */
  recipientId: reference('Organization'),
  amount: requiredMoneySchema,
  /** paid, cleared. */
  paymentStatus: optionalText(100),
  /** The request it is about: `Type/id`, or a claim's id. */
  requestId: z.optional(flexibleReference('Claim')),
  /** The response it is about: `Type/id`, or a claim response's id. */
  responseId: z.optional(flexibleReference('ClaimResponse')),
};
/** `POST /v1/payment-notices` body. */
export const paymentNoticeCreateSchema = strictObject(paymentNoticeFields);
/** `PATCH /v1/payment-notices/{id}` object body. */
export const paymentNoticeUpdateSchema = updateSchemaOf(paymentNoticeFields);

const paymentReconciliationFields = {
  status: oneOf(FINANCIAL_STATUSES),
  /** Defaults to the time of the request. */
  created: z.optional(dateTimeSchema()),
  paymentIssuerId: z.optional(reference('Organization')),
  /** The Task it answers. */
  requestId: z.optional(reference('Task')),
  requestorId: z.optional(providerReference),
  outcome: z.optional(oneOf(PROCESSING_OUTCOMES)),
  disposition: optionalText(2000),
  paymentDate: dateSchema(),
  paymentAmount: requiredMoneySchema,
  period: z.optional(periodSchema),
  detail: z.optional(
    list(
      strictObject({
        /** payment, adjustment, advance… */
        type: requiredText(200),
        /** The claim or other request paid: `Type/id`, or a claim's id. */
        requestId: z.optional(flexibleReference('Claim')),
        submitterId: z.optional(providerReference),
        payeeId: z.optional(providerReference),
        date: z.optional(dateSchema()),
        amount: z.optional(moneySchema),
      }),
      50,
    ),
  ),
  processNote: z.optional(list(strictObject({ type: z.optional(oneOf(['display', 'print', 'printoper'])), text: requiredText(5000) }), 20)),
};
/** `POST /v1/payment-reconciliations` body. */
export const paymentReconciliationCreateSchema = strictObject(paymentReconciliationFields);
/** `PATCH /v1/payment-reconciliations/{id}` object body. */
export const paymentReconciliationUpdateSchema = updateSchemaOf(paymentReconciliationFields);
