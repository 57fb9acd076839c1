import { describe, expect, it } from 'vitest';
import { RESOURCE_CATALOGUE } from './catalogue.ts';
import { resourceOfWebhookName, webhookEventName, webhookResourceName } from './webhook-events.ts';

/** The webhook guide's "Available Events", group by group, as it lists them. */
const DOCUMENTED_NAMES = [
  ...[
    'patient',
    'encounter',
    'observation',
    'condition',
    'allergy',
    'assessment',
    'care-plan',
    'care-team',
    'goal',
    'risk-assessment',
    'family-member-history',
  ],
  ...[
    'medication',
    'prescription',
    'medication-dispense',
    'medication-statement',
    'medication-knowledge',
    'immunization',
    'immunization-evaluation',
    'immunization-recommendation',
    'nutrition-order',
  ],
  ...['appointment', 'appointment-response', 'schedule', 'slot'],
  ...['note', 'document', 'consent', 'intake', 'media'],
  ...['lab', 'specimen', 'imaging-study'],
  ...['practitioner', 'practitioner-role', 'organization', 'location', 'healthcare-service', 'person'],
  ...['task', 'service-request', 'device-request', 'activity-definition', 'plan-definition'],
  ...['device', 'device-use-statement'],
  ...[
    'account',
    'charge-item',
    'claim',
    'claim-response',
    'coverage',
    'eligibility-request',
    'eligibility-response',
    'explanation-of-benefit',
    'invoice',
    'payment-notice',
    'payment-reconciliation',
    'enrollment-request',
    'enrollment-response',
    'vision-prescription',
  ],
  ...['measure', 'measure-report', 'audit-event'],
];

describe('webhook event names', () => {
  it('name each of the 62 paths once, exactly as the guide lists them', () => {
    const names = RESOURCE_CATALOGUE.map((definition) => webhookResourceName(definition.path));
    expect(new Set(names).size).toBe(62);
    expect([...names].sort()).toEqual([...DOCUMENTED_NAMES].sort());
  });

  it('lead back to the catalogue entry, and nowhere for names the API does not send', () => {
    for (const definition of RESOURCE_CATALOGUE) expect(resourceOfWebhookName(webhookResourceName(definition.path))).toBe(definition);
    expect(resourceOfWebhookName('patients')).toBeUndefined();
    expect(resourceOfWebhookName('__proto__')).toBeUndefined();
  });

  it('are {resource}.{action}', () => {
    expect(webhookEventName('care-plans', 'updated')).toBe('care-plan.updated');
    expect(webhookEventName('eobs', 'deleted')).toBe('explanation-of-benefit.deleted');
  });
});
