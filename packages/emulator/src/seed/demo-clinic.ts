/**
 * The demo clinic's clinical records on top of the demo patients: a practitioner, and for each patient a few
 * observations, conditions, allergies, prescriptions, appointments and immunizations. Created through the same
 * service as API calls (validation, tenant tags, versions), with pinned dates so screenshots stay the same.
 */
import { DEMO_PATIENTS, DEMO_PRACTITIONER, type PatientSummary } from '@clinikapi/core';
import { createRecord, definitionOf, present, type Scope, type ServiceDeps } from '../resources/service.ts';

export interface SeedSummary {
  readonly patients: number;
  readonly records: number;
}

const CONDITIONS = ['Hypertension', 'Type 2 diabetes mellitus', 'Asthma', 'Hypothyroidism', 'Osteoarthritis of knee'];
const ALLERGIES = [
  { code: 'Penicillin', category: ['medication'], criticality: 'high', manifestation: 'Anaphylaxis', severity: 'severe' },
  { code: 'Peanuts', category: ['food'], criticality: 'high', manifestation: 'Hives', severity: 'moderate' },
  { code: 'Latex', category: ['environment'], criticality: 'low', manifestation: 'Rash', severity: 'mild' },
] as const;
const MEDICATIONS = ['Amlodipine 5mg', 'Metformin 500mg', 'Salbutamol 100mcg inhaler', 'Levothyroxine 50mcg', 'Ibuprofen 400mg'];

/** Day `day` of January 2025 at `hour` UTC. */
const pinned = (day: number, hour: number): string => new Date(Date.UTC(2025, 0, day, hour)).toISOString().replace('.000Z', 'Z');

export async function seedDemoClinic(deps: ServiceDeps, scope: Scope): Promise<SeedSummary> {
  let records = 0;
  const create = async (path: string, body: Record<string, unknown>): Promise<unknown> => {
    const definition = definitionOf(path);
    const result = await createRecord(deps, scope, definition, body, {
      form: 'rest',
      respond: (stored) => ({ status: 201, headers: {}, body: present(definition, stored) }),
    });
    return result.body;
  };

  const practitioner = (await create('practitioners', { ...DEMO_PRACTITIONER })) as { id: string };
  records += 1;

  for (const [index, input] of DEMO_PATIENTS.entries()) {
    const patient = (await create('patients', input)) as PatientSummary;
    const patientId = patient.id;
    const day = (index % 28) + 1;
    await create('observations', {
      patientId,
      status: 'final',
      code: 'Vitals Panel',
      category: 'vital-signs',
      effectiveDateTime: pinned(day, 9),
      component: [
        {
          code: { system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' },
          valueQuantity: { value: 60 + ((index * 7) % 35), unit: 'beats/min' },
        },
        {
          code: { system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure' },
          valueString: `${110 + ((index * 3) % 40)}/${70 + (index % 20)} mmHg`,
        },
      ],
    });
    records += 1;
    if (index % 2 === 0) {
      await create('conditions', {
        patientId,
        code: CONDITIONS[index % CONDITIONS.length],
        clinicalStatus: 'active',
        verificationStatus: 'confirmed',
        category: ['problem-list-item'],
        onsetDateTime: `${2015 + (index % 9)}-0${(index % 9) + 1}-15`,
      });
      await create('prescriptions', {
        patientId,
        prescriberId: practitioner.id,
        medication: MEDICATIONS[index % MEDICATIONS.length],
        status: 'active',
        intent: 'order',
        dosageText: 'Take one daily',
        authoredOn: pinned(day, 10),
      });
      records += 2;
    }
    if (index % 4 === 0) {
      const allergy = ALLERGIES[(index / 4) % ALLERGIES.length] as (typeof ALLERGIES)[number];
      await create('allergies', {
        patientId,
        code: allergy.code,
        type: 'allergy',
        category: allergy.category,
        criticality: allergy.criticality,
        clinicalStatus: 'active',
        reaction: [{ manifestation: [allergy.manifestation], severity: allergy.severity }],
      });
      records += 1;
    }
    if (index % 3 === 0) {
      await create('appointments', {
        patientId,
        practitionerId: practitioner.id,
        status: 'booked',
        start: pinned(day, 14),
        end: pinned(day, 14).replace('T14:00:00Z', 'T14:30:00Z'),
        minutesDuration: 30,
        appointmentType: 'followup',
        description: 'Follow-up visit',
      });
      await create('immunizations', {
        patientId,
        vaccineCode: 'Influenza',
        status: 'completed',
        occurrenceDateTime: pinned(day, 11),
        site: 'Left deltoid',
        route: 'Intramuscular',
      });
      records += 2;
    }
  }
  return { patients: DEMO_PATIENTS.length, records };
}
