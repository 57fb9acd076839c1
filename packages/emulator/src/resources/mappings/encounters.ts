/** Encounter: the simplified shape ↔ FHIR R4 Encounter. */
import { encounterCreateSchema, encounterUpdateSchema, type Encounter } from '@clinikapi/core';
import {
  compact,
  compactOrNone,
  nonEmpty,
  ref,
  refOut,
  textConcept,
  textConceptOut,
  textConcepts,
  textConceptsOut,
} from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const CLASS_DISPLAYS: Readonly<Record<string, string>> = {
  AMB: 'ambulatory',
  IMP: 'inpatient encounter',
  EMER: 'emergency',
  HH: 'home health',
  VR: 'virtual',
  ACUTE: 'inpatient acute',
  NONAC: 'inpatient non-acute',
  OBSENC: 'observation encounter',
  PRENC: 'pre-admission',
  SS: 'short stay',
  FLD: 'field',
};
const PARTICIPATION_TYPE = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
/** The participant type that marks the primary performer (`practitionerId`). */
const PRIMARY_PERFORMER = { system: PARTICIPATION_TYPE, code: 'PPRF', display: 'primary performer' };

const isPrimary = (participant: NonNullable<Encounter['participant']>[number]): boolean =>
  participant.type?.some((type) => type.coding?.some((coding) => coding.code === 'PPRF')) ?? false;

/** One reason reads back as text, several as a list. */
const oneOrMany = (texts: string[] | undefined): string | string[] | undefined => (texts && texts.length === 1 ? texts[0] : texts);

export const encounterMapping = defineMapping({
  createSchema: encounterCreateSchema,
  updateSchema: encounterUpdateSchema,
  toFhir: (input) =>
    compact({
      resourceType: 'Encounter' as const,
      status: input.status,
      class: compact({ system: ACT_CODE, code: input.class, display: CLASS_DISPLAYS[input.class] }),
      type: input.type ? [{ text: input.type }] : undefined,
      serviceType: textConcept(input.serviceType),
      priority: textConcept(input.priority),
      subject: ref('Patient', input.patientId),
      basedOn: input.basedOnId ? [{ reference: `ServiceRequest/${input.basedOnId}` }] : undefined,
      participant: nonEmpty([
        ...(input.practitionerId
          ? [{ type: [{ coding: [PRIMARY_PERFORMER] }], individual: { reference: `Practitioner/${input.practitionerId}` } }]
          : []),
        ...(input.participants ?? []).map((participant) =>
          compact({
            type: participant.role ? [{ text: participant.role }] : undefined,
            individual: { reference: `Practitioner/${participant.practitionerId}` },
          }),
        ),
      ]),
      appointment: input.appointmentId ? [{ reference: `Appointment/${input.appointmentId}` }] : undefined,
      period: input.period,
      length:
        input.lengthMinutes === undefined
          ? undefined
          : { value: input.lengthMinutes, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' },
      reasonCode: textConcepts(typeof input.reasonCode === 'string' ? [input.reasonCode] : input.reasonCode),
      diagnosis: input.diagnosis?.map((diagnosis) =>
        compact({ condition: { reference: `Condition/${diagnosis.condition}` }, use: textConcept(diagnosis.use), rank: diagnosis.rank }),
      ),
      hospitalization: input.hospitalization
        ? compactOrNone({
            admitSource: textConcept(input.hospitalization.admitSource),
            reAdmission: textConcept(input.hospitalization.reAdmission),
            dietPreference: textConcepts(input.hospitalization.dietPreference),
            specialArrangement: textConcepts(input.hospitalization.specialArrangement),
            dischargeDisposition: textConcept(input.hospitalization.dischargeDisposition),
            destination: input.hospitalization.destination ? { display: input.hospitalization.destination } : undefined,
            origin: input.hospitalization.origin ? { display: input.hospitalization.origin } : undefined,
          })
        : undefined,
      location: input.location ? [{ location: { display: input.location } }] : undefined,
      serviceProvider: input.serviceProvider ? { display: input.serviceProvider } : undefined,
      partOf: ref('Encounter', input.partOfId),
    }),
  fromFhir: (resource) => {
    const encounter = resource as Encounter;
    const participants = encounter.participant ?? [];
    const primary = participants.find(isPrimary);
    const hospitalization = encounter.hospitalization;
    return compact({
      status: encounter.status,
      class: encounter.class?.code ?? '',
      patientId: refOut(encounter.subject, 'Patient') ?? '',
      practitionerId: refOut(primary?.individual, 'Practitioner'),
      participants: nonEmpty(
        participants
          .filter((participant) => participant !== primary)
          .map((participant) =>
            compact({ practitionerId: refOut(participant.individual, 'Practitioner') ?? '', role: textConceptOut(participant.type?.[0]) }),
          ),
      ),
      type: textConceptOut(encounter.type?.[0]),
      serviceType: textConceptOut(encounter.serviceType),
      priority: textConceptOut(encounter.priority),
      reasonCode: oneOrMany(textConceptsOut(encounter.reasonCode)),
      period: encounter.period,
      lengthMinutes: encounter.length?.value,
      location: encounter.location?.[0]?.location.display,
      serviceProvider: encounter.serviceProvider?.display,
      diagnosis: encounter.diagnosis?.map((diagnosis) =>
        compact({ condition: refOut(diagnosis.condition, 'Condition') ?? '', use: textConceptOut(diagnosis.use), rank: diagnosis.rank }),
      ),
      appointmentId: refOut(encounter.appointment?.[0], 'Appointment'),
      basedOnId: refOut(encounter.basedOn?.[0], 'ServiceRequest'),
      partOfId: refOut(encounter.partOf, 'Encounter'),
      hospitalization: hospitalization
        ? compactOrNone({
            admitSource: textConceptOut(hospitalization.admitSource),
            dischargeDisposition: textConceptOut(hospitalization.dischargeDisposition),
            reAdmission: textConceptOut(hospitalization.reAdmission),
            dietPreference: textConceptsOut(hospitalization.dietPreference),
            specialArrangement: textConceptsOut(hospitalization.specialArrangement),
            destination: hospitalization.destination?.display,
            origin: hospitalization.origin?.display,
          })
        : undefined,
    });
  },
});
