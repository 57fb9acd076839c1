/**
 * Family history, care teams, specimens, imaging studies, media, risk assessments, devices and device use: the
 * simplified shapes ↔ FHIR R4.
 */
import { OTHER_RESOURCE_SCHEMAS as SCHEMAS } from '@clinikapi/core';
import {
  noteOf,
  refTo,
  refsTo,
  rule,
  ruleMapping,
  same,
  textList,
  textOf,
  typedRefTo,
  typedRefsTo,
  typedReference,
  type Fields,
} from '../field-rules.ts';
import { notes, notesOut, refOut, textConcept, textConceptOut, typedRefOut } from '../fhir-values.ts';
import { telecomOf } from './contact-rules.ts';

type Concept = { text?: string };
type Ref = { reference?: string };
type Coding = { system?: string; code?: string; display?: string };

const DICOM = 'http://dicom.nema.org/resources/ontology/DCM';
const modalityCoding = (code: unknown): Coding | undefined => (typeof code === 'string' ? { system: DICOM, code } : undefined);
const displayCoding = (display: unknown): Coding | undefined => (typeof display === 'string' ? { display } : undefined);

export const familyHistoryMapping = ruleMapping({
  resourceType: 'FamilyMemberHistory',
  createSchema: SCHEMAS['family-history'].create,
  updateSchema: SCHEMAS['family-history'].update,
  rules: [
    same('status'),
    refTo('Patient', 'patientId', 'patient'),
    same('date'),
    same('name'),
    textOf('relationship'),
    textOf('sex'),
    same('bornDate'),
    same('ageString'),
    same('estimatedAge'),
    same('deceasedBoolean'),
    same('deceasedDate'),
    textList('reasonCode'),
    noteOf(),
    rule(
      'condition',
      (input) =>
        (input.condition as Fields[] | undefined)?.map((condition) => ({
          code: textConcept(condition.code as string),
          outcome: textConcept(condition.outcome as string | undefined),
          contributedToDeath: condition.contributedToDeath,
          onsetString: condition.onsetString,
          note: notes(condition.note as string | undefined),
        })),
      (value) => ({
        condition: (
          value as { code: Concept; outcome?: Concept; contributedToDeath?: boolean; onsetString?: string; note?: { text?: string }[] }[]
        ).map((condition) => ({
          code: textConceptOut(condition.code),
          outcome: textConceptOut(condition.outcome),
          contributedToDeath: condition.contributedToDeath,
          onsetString: condition.onsetString,
          note: notesOut(condition.note),
        })),
      }),
    ),
  ],
});

export const careTeamMapping = ruleMapping({
  resourceType: 'CareTeam',
  createSchema: SCHEMAS['care-teams'].create,
  updateSchema: SCHEMAS['care-teams'].update,
  rules: [
    same('status'),
    textList('category'),
    same('name'),
    refTo('Patient', 'patientId', 'subject'),
    refTo('Encounter', 'encounterId', 'encounter'),
    same('period'),
    rule(
      'participant',
      (input) =>
        (input.participant as Fields[] | undefined)?.map((participant) => ({
          role: participant.role === undefined ? undefined : [{ text: participant.role }],
          member: typedReference(participant.memberId as string, 'Practitioner'),
          onBehalfOf:
            participant.onBehalfOfId === undefined ? undefined : { reference: `Organization/${participant.onBehalfOfId as string}` },
          period: participant.period,
        })),
      (value) => ({
        participant: (value as { role?: Concept[]; member?: Ref; onBehalfOf?: Ref; period?: Fields }[]).map((participant) => ({
          role: textConceptOut(participant.role?.[0]),
          memberId: typedRefOut(participant.member, 'Practitioner'),
          onBehalfOfId: refOut(participant.onBehalfOf, 'Organization'),
          period: participant.period,
        })),
      }),
    ),
    textList('reasonCode'),
    refsTo('Organization', 'managingOrganizationIds', 'managingOrganization'),
    telecomOf(),
    noteOf(),
  ],
});

export const specimenMapping = ruleMapping({
  resourceType: 'Specimen',
  createSchema: SCHEMAS.specimens.create,
  updateSchema: SCHEMAS.specimens.update,
  rules: [
    same('status'),
    textOf('type'),
    refTo('Patient', 'patientId', 'subject'),
    same('receivedTime'),
    refsTo('Specimen', 'parentIds', 'parent'),
    refsTo('ServiceRequest', 'requestIds', 'request'),
    rule(
      'collection',
      (input) => {
        const collection = input.collection as Fields | undefined;
        return (
          collection && {
            collector: collection.collectorId === undefined ? undefined : { reference: `Practitioner/${collection.collectorId as string}` },
            collectedDateTime: collection.collectedDateTime,
            quantity: collection.quantity,
            method: textConcept(collection.method as string | undefined),
            bodySite: textConcept(collection.bodySite as string | undefined),
          }
        );
      },
      (value) => {
        const collection = value as {
          collector?: Ref;
          collectedDateTime?: string;
          quantity?: Fields;
          method?: Concept;
          bodySite?: Concept;
        };
        return {
          collection: {
            collectorId: refOut(collection.collector, 'Practitioner'),
            collectedDateTime: collection.collectedDateTime,
            quantity: collection.quantity,
            method: textConceptOut(collection.method),
            bodySite: textConceptOut(collection.bodySite),
          },
        };
      },
    ),
    rule(
      'container',
      (input) =>
        (input.container as Fields[] | undefined)?.map(({ type, ...rest }) => ({ ...rest, type: textConcept(type as string | undefined) })),
      (value) => ({
        container: (value as (Fields & { type?: Concept })[]).map(({ type, ...rest }) => ({ ...rest, type: textConceptOut(type) })),
      }),
    ),
    textList('condition'),
    noteOf(),
  ],
});

export const imagingStudyMapping = ruleMapping({
  resourceType: 'ImagingStudy',
  createSchema: SCHEMAS['imaging-studies'].create,
  updateSchema: SCHEMAS['imaging-studies'].update,
  rules: [
    same('status'),
    rule(
      'modality',
      (input) => (input.modality as string[] | undefined)?.map(modalityCoding),
      (value) => ({ modality: (value as Coding[]).map((coding) => coding.code) }),
    ),
    refTo('Patient', 'patientId', 'subject'),
    refTo('Encounter', 'encounterId', 'encounter'),
    same('started'),
    typedRefsTo('ServiceRequest', 'basedOn', 'basedOn'),
    refTo('Practitioner', 'referrerId', 'referrer'),
    refsTo('Practitioner', 'interpreterIds', 'interpreter'),
    same('numberOfSeries'),
    same('numberOfInstances'),
    textList('procedureCode'),
    refTo('Location', 'locationId', 'location'),
    textList('reasonCode'),
    noteOf(),
    same('description'),
    rule(
      'series',
      (input) =>
        (input.series as Fields[] | undefined)?.map((series) => ({
          ...series,
          modality: modalityCoding(series.modality),
          bodySite: displayCoding(series.bodySite),
          laterality: displayCoding(series.laterality),
        })),
      (value) => ({
        series: (value as (Fields & { modality: Coding; bodySite?: Coding; laterality?: Coding })[]).map((series) => ({
          ...series,
          modality: series.modality.code,
          bodySite: series.bodySite?.display,
          laterality: series.laterality?.display,
        })),
      }),
    ),
  ],
});

export const mediaMapping = ruleMapping({
  resourceType: 'Media',
  createSchema: SCHEMAS.media.create,
  updateSchema: SCHEMAS.media.update,
  rules: [
    typedRefsTo('ServiceRequest', 'basedOn', 'basedOn'),
    same('status'),
    textOf('type'),
    textOf('modality'),
    textOf('view'),
    refTo('Patient', 'patientId', 'subject'),
    refTo('Encounter', 'encounterId', 'encounter'),
    same('createdDateTime'),
    same('issued'),
    refTo('Practitioner', 'operatorId', 'operator'),
    textList('reasonCode'),
    textOf('bodySite'),
    same('deviceName'),
    refTo('Device', 'deviceId', 'device'),
    same('height'),
    same('width'),
    same('frames'),
    same('duration'),
    same('content'),
    noteOf(),
  ],
});

export const riskAssessmentMapping = ruleMapping({
  resourceType: 'RiskAssessment',
  createSchema: SCHEMAS['risk-assessments'].create,
  updateSchema: SCHEMAS['risk-assessments'].update,
  rules: [
    typedRefTo('ServiceRequest', 'basedOnId', 'basedOn'),
    same('status'),
    textOf('method'),
    textOf('code'),
    refTo('Patient', 'patientId', 'subject'),
    refTo('Encounter', 'encounterId', 'encounter'),
    same('occurrenceDateTime'),
    refTo('Condition', 'conditionId', 'condition'),
    refTo('Practitioner', 'performerId', 'performer'),
    textList('reasonCode'),
    rule(
      'prediction',
      (input) =>
        (input.prediction as Fields[] | undefined)?.map(({ outcome, qualitativeRisk, ...rest }) => ({
          outcome: textConcept(outcome as string | undefined),
          qualitativeRisk: textConcept(qualitativeRisk as string | undefined),
          ...rest,
        })),
      (value) => ({
        prediction: (value as (Fields & { outcome?: Concept; qualitativeRisk?: Concept })[]).map(
          ({ outcome, qualitativeRisk, ...rest }) => ({
            outcome: textConceptOut(outcome),
            qualitativeRisk: textConceptOut(qualitativeRisk),
            ...rest,
          }),
        ),
      }),
    ),
    same('mitigation'),
    noteOf(),
  ],
});

export const deviceMapping = ruleMapping({
  resourceType: 'Device',
  createSchema: SCHEMAS.devices.create,
  updateSchema: SCHEMAS.devices.update,
  rules: [
    same('udiCarrier'),
    same('status'),
    same('manufacturer'),
    same('manufactureDate'),
    same('expirationDate'),
    same('lotNumber'),
    same('serialNumber'),
    rule(
      'deviceName',
      (input) => [{ name: input.deviceName, type: 'user-friendly-name' }],
      (value) => ({
        deviceName:
          (value as { name?: string; type?: string }[]).find((name) => name.type === 'user-friendly-name')?.name ??
          (value as { name?: string }[])[0]?.name,
      }),
    ),
    same('modelNumber'),
    textOf('type'),
    refTo('Patient', 'patientId', 'patient'),
    refTo('Organization', 'ownerId', 'owner'),
    refTo('Location', 'locationId', 'location'),
    same('url'),
    noteOf(),
    textList('safety'),
    refTo('Device', 'parentId', 'parent'),
  ],
});

export const deviceUseStatementMapping = ruleMapping({
  resourceType: 'DeviceUseStatement',
  createSchema: SCHEMAS['device-use-statements'].create,
  updateSchema: SCHEMAS['device-use-statements'].update,
  rules: [
    refsTo('ServiceRequest', 'basedOn', 'basedOn'),
    same('status'),
    refTo('Patient', 'patientId', 'subject'),
    same('timingDateTime'),
    same('timingPeriod'),
    same('recordedOn'),
    typedRefTo('Practitioner', 'sourceId', 'source'),
    refTo('Device', 'deviceId', 'device'),
    textList('reasonCode'),
    textOf('bodySite'),
    noteOf(),
  ],
});
