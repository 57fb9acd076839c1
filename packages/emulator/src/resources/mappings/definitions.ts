/** Activity and plan definitions, measures, measure reports and audit events: the simplified shapes ↔ FHIR R4. */
import { OTHER_RESOURCE_SCHEMAS as SCHEMAS } from '@clinikapi/core';
import {
  conceptOf,
  now,
  refTo,
  rule,
  ruleMapping,
  same,
  textList,
  typedRefTo,
  withDefault,
  type ElementRule,
  type Fields,
} from '../field-rules.ts';
import { maybeCoded, maybeCodedOut, textConcept, textConceptOut } from '../fhir-values.ts';

type Concept = { text?: string; coding?: { code?: string }[] };
type Coding = { code?: string };

/** The metadata elements every definition has, named as in FHIR. */
const definitionMetadata = (): ElementRule[] => [
  same('url'),
  same('version'),
  same('name'),
  same('title'),
  same('status'),
  same('experimental'),
  same('date'),
  same('publisher'),
  same('description'),
  same('purpose'),
  same('usage'),
  textList('topic'),
];

export const activityDefinitionMapping = ruleMapping({
  resourceType: 'ActivityDefinition',
  createSchema: SCHEMAS['activity-definitions'].create,
  updateSchema: SCHEMAS['activity-definitions'].update,
  rules: [
    ...definitionMetadata(),
    same('kind'),
    conceptOf('code'),
    same('intent'),
    same('priority'),
    same('doNotPerform'),
    same('timingDateTime'),
    same('timingPeriod'),
    refTo('Location', 'locationId', 'location'),
    rule(
      'participant',
      (input) =>
        (input.participant as Fields[] | undefined)?.map((participant) => ({
          type: participant.type,
          role: textConcept(participant.role as string | undefined),
        })),
      (value) => ({
        participant: (value as { type: string; role?: Concept }[]).map((participant) => ({
          type: participant.type,
          role: textConceptOut(participant.role),
        })),
      }),
    ),
    same('quantity'),
    textList('bodySite'),
  ],
});

const ACTION_TYPES = 'http://terminology.hl7.org/CodeSystem/action-type';

export const planDefinitionMapping = ruleMapping({
  resourceType: 'PlanDefinition',
  createSchema: SCHEMAS['plan-definitions'].create,
  updateSchema: SCHEMAS['plan-definitions'].update,
  rules: [
    ...definitionMetadata(),
    rule(
      'type',
      (input) =>
        maybeCoded(
          'http://terminology.hl7.org/CodeSystem/plan-definition-type',
          ['order-set', 'clinical-protocol', 'eca-rule', 'workflow-definition'],
          input.type as string | undefined,
        ),
      (value) => ({ type: maybeCodedOut(value as Concept) }),
    ),
    rule(
      'goal',
      (input) =>
        (input.goal as Fields[] | undefined)?.map((goal) => ({
          category: textConcept(goal.category as string | undefined),
          description: textConcept(goal.description as string),
          priority: textConcept(goal.priority as string | undefined),
        })),
      (value) => ({
        goal: (value as { category?: Concept; description: Concept; priority?: Concept }[]).map((goal) => ({
          description: textConceptOut(goal.description),
          priority: textConceptOut(goal.priority),
          category: textConceptOut(goal.category),
        })),
      }),
    ),
    rule(
      'action',
      (input) =>
        (input.action as Fields[] | undefined)?.map(({ code, type, ...rest }) => ({
          ...rest,
          code: code === undefined ? undefined : [textConcept(code as string)],
          type: maybeCoded(ACTION_TYPES, ['create', 'update', 'remove', 'fire-event'], type as string | undefined),
        })),
      (value) => ({
        action: (value as (Fields & { code?: Concept[]; type?: Concept })[]).map(({ code, type, ...rest }) => ({
          ...rest,
          code: textConceptOut(code?.[0]),
          type: maybeCodedOut(type),
        })),
      }),
    ),
  ],
});

export const measureMapping = ruleMapping({
  resourceType: 'Measure',
  createSchema: SCHEMAS.measures.create,
  updateSchema: SCHEMAS.measures.update,
  rules: [
    ...definitionMetadata(),
    rule(
      'scoring',
      (input) =>
        maybeCoded(
          'http://terminology.hl7.org/CodeSystem/measure-scoring',
          ['proportion', 'ratio', 'continuous-variable', 'cohort'],
          input.scoring as string | undefined,
        ),
      (value) => ({ scoring: maybeCodedOut(value as Concept) }),
    ),
    textList('type'),
    same('riskAdjustment'),
    same('rationale'),
    same('clinicalRecommendationStatement'),
    same('guidance'),
    rule(
      'group',
      (input) =>
        (input.group as Fields[] | undefined)?.map((group) => ({
          code: textConcept(group.code as string | undefined),
          description: group.description,
        })),
      (value) => ({
        group: (value as { code?: Concept; description?: string }[]).map((group) => ({
          code: textConceptOut(group.code),
          description: group.description,
        })),
      }),
    ),
  ],
});

interface StoredGroup {
  code?: Concept;
  population?: { code?: Concept; count?: number }[];
  measureScore?: Fields;
}

export const measureReportMapping = ruleMapping({
  resourceType: 'MeasureReport',
  createSchema: SCHEMAS['measure-reports'].create,
  updateSchema: SCHEMAS['measure-reports'].update,
  rules: [
    same('status'),
    same('type'),
    // A canonical: the Measure's URL, or `Measure/{id}` for an id.
    rule(
      'measure',
      (input) =>
        /^[a-z][a-z0-9+.-]*:/i.test(input.measureId as string) || (input.measureId as string).includes('/')
          ? input.measureId
          : `Measure/${input.measureId as string}`,
      (value) => ({ measureId: typeof value === 'string' && /^Measure\/[^/]+$/.test(value) ? value.slice('Measure/'.length) : value }),
    ),
    refTo('Patient', 'patientId', 'subject'),
    withDefault('date', now),
    typedRefTo('Practitioner', 'reporterId', 'reporter'),
    same('period'),
    rule(
      'group',
      (input) =>
        (input.group as Fields[] | undefined)?.map((group) => ({
          code: textConcept(group.code as string | undefined),
          population: (group.population as Fields[] | undefined)?.map((population) => ({
            code: textConcept(population.code as string | undefined),
            count: population.count,
          })),
          measureScore: group.measureScore,
        })),
      (value) => ({
        group: (value as StoredGroup[]).map((group) => ({
          code: textConceptOut(group.code),
          population: group.population?.map((population) => ({ code: textConceptOut(population.code), count: population.count })),
          measureScore: group.measureScore,
        })),
      }),
    ),
  ],
});

const REFERENCE = /^[A-Z][A-Za-z]{1,63}\/[A-Za-z0-9\-.]{1,64}$/;

/** A participant named by `Type/id` is a reference; by anything else (a user name, an address), an identifier. */
function participant(value: unknown): { reference: string } | { identifier: { value: string } } | undefined {
  if (typeof value !== 'string') return undefined;
  return REFERENCE.test(value) ? { reference: value } : { identifier: { value } };
}
const participantOut = (value: { reference?: string; identifier?: { value?: string } } | undefined): string | undefined =>
  value?.reference ?? value?.identifier?.value;

const coding = (code: unknown): Coding | undefined => (typeof code === 'string' ? { code } : undefined);

interface StoredAgent {
  who?: { reference?: string; identifier?: { value?: string } };
  name?: string;
  requestor: boolean;
  role?: Concept[];
  network?: { address?: string };
}
interface StoredEntity {
  what?: { reference?: string; identifier?: { value?: string } };
  type?: Coding;
  role?: Coding;
  name?: string;
  description?: string;
}

export const auditEventMapping = ruleMapping({
  resourceType: 'AuditEvent',
  createSchema: SCHEMAS['audit-events'].create,
  patientField: 'entity',
  rules: [
    rule(
      'type',
      (input) => coding(input.type),
      (value) => ({ type: (value as Coding).code }),
    ),
    rule(
      'subtype',
      (input) => (input.subtype as string[] | undefined)?.map(coding),
      (value) => ({ subtype: (value as Coding[]).map((entry) => entry.code) }),
    ),
    same('action'),
    same('recorded'),
    same('outcome'),
    same('outcomeDesc'),
    textList('purposeOfEvent'),
    rule(
      'agent',
      (input) =>
        (input.agent as Fields[]).map((agent) => ({
          role: agent.role === undefined ? undefined : [textConcept(agent.role as string)],
          who: participant(agent.who),
          name: agent.name,
          requestor: agent.requestor,
          network: agent.networkAddress === undefined ? undefined : { address: agent.networkAddress },
        })),
      (value) => ({
        agent: (value as StoredAgent[]).map((agent) => ({
          who: participantOut(agent.who),
          name: agent.name,
          requestor: agent.requestor,
          role: textConceptOut(agent.role?.[0]),
          networkAddress: agent.network?.address,
        })),
      }),
    ),
    rule(
      'source',
      (input) => {
        const source = input.source as Fields;
        return {
          site: source.site,
          observer: participant(source.observer),
          type: source.type === undefined ? undefined : [coding(source.type)],
        };
      },
      (value) => {
        const source = value as { site?: string; observer?: StoredAgent['who']; type?: Coding[] };
        return { source: { observer: participantOut(source.observer), site: source.site, type: source.type?.[0]?.code } };
      },
    ),
    rule(
      'entity',
      (input) =>
        (input.entity as Fields[] | undefined)?.map((entity) => ({
          what: participant(entity.what),
          type: coding(entity.type),
          role: coding(entity.role),
          name: entity.name,
          description: entity.description,
        })),
      (value) => ({
        entity: (value as StoredEntity[]).map((entity) => ({
          what: participantOut(entity.what),
          type: entity.type?.code,
          role: entity.role?.code,
          name: entity.name,
          description: entity.description,
        })),
      }),
    ),
  ],
});
