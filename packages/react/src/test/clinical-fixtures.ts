/**
 * A realistic clinical record for one patient — visits, a vitals series with readings out of range, prescriptions
 * active and stopped, allergies, conditions, appointments past and upcoming, lab reports with flagged results and
 * notes — written through the API the way a clinic would. Shared by the component tests (through the emulator
 * directly) and Storybook (through the provider's client), so both render the same patient. Dates are pinned, except
 * the upcoming appointment, which must lie ahead of whenever the story runs.
 */

/** Creates a record through the API and answers the stored record (at least its id). */
export type CreateRecord = (path: string, body: Record<string, unknown>) => Promise<{ readonly id: string }>;

export interface ClinicalRecordIds {
  readonly practitionerId: string;
  readonly encounterIds: readonly string[];
  readonly labIds: readonly string[];
}

const loinc = (code: string, display: string) => ({ system: 'http://loinc.org', code, display });

/** Six visits' worth of vital signs, oldest first: the third has a fever and a racing heart, the last high pressure. */
export const VITALS_SERIES = [
  { at: '2024-06-03T09:10:00Z', heartRate: 72, systolic: 118, diastolic: 76, temperature: 36.7, respiratoryRate: 14, oxygenSaturation: 98 },
  { at: '2024-08-12T09:40:00Z', heartRate: 78, systolic: 124, diastolic: 79, temperature: 36.8, respiratoryRate: 15, oxygenSaturation: 97 },
  {
    at: '2024-10-21T14:05:00Z',
    heartRate: 112,
    systolic: 131,
    diastolic: 84,
    temperature: 38.4,
    respiratoryRate: 22,
    oxygenSaturation: 93,
  },
  { at: '2024-11-02T10:30:00Z', heartRate: 84, systolic: 128, diastolic: 82, temperature: 37.0, respiratoryRate: 16, oxygenSaturation: 97 },
  { at: '2024-12-09T11:00:00Z', heartRate: 76, systolic: 136, diastolic: 88, temperature: 36.6, respiratoryRate: 14, oxygenSaturation: 98 },
  { at: '2025-01-10T09:15:00Z', heartRate: 74, systolic: 142, diastolic: 92, temperature: 36.9, respiratoryRate: 15, oxygenSaturation: 98 },
] as const;

function vitalsPanel(patientId: string, reading: (typeof VITALS_SERIES)[number]) {
  const quantity = (value: number, unit: string, code: string) => ({ value, unit, system: 'http://unitsofmeasure.org', code });
  return {
    patientId,
    status: 'final',
    category: 'vital-signs',
    code: loinc('85353-1', 'Vital signs panel'),
    effectiveDateTime: reading.at,
    component: [
      { code: loinc('8867-4', 'Heart rate'), valueQuantity: quantity(reading.heartRate, 'beats/min', '/min') },
      { code: loinc('8480-6', 'Systolic blood pressure'), valueQuantity: quantity(reading.systolic, 'mmHg', 'mm[Hg]') },
      { code: loinc('8462-4', 'Diastolic blood pressure'), valueQuantity: quantity(reading.diastolic, 'mmHg', 'mm[Hg]') },
      { code: loinc('8310-5', 'Body temperature'), valueQuantity: quantity(reading.temperature, '°C', 'Cel') },
      { code: loinc('9279-1', 'Respiratory rate'), valueQuantity: quantity(reading.respiratoryRate, 'breaths/min', '/min') },
      { code: loinc('59408-5', 'Oxygen saturation'), valueQuantity: quantity(reading.oxygenSaturation, '%', '%') },
    ],
  };
}

/** A lab result observation with its reference range (and the lab's own flag when it sent one). */
function labResult(
  patientId: string,
  at: string,
  code: ReturnType<typeof loinc>,
  value: number,
  unit: string,
  low: number | undefined,
  high: number | undefined,
  interpretation?: string,
) {
  return {
    patientId,
    status: 'final',
    category: 'laboratory',
    code,
    effectiveDateTime: at,
    valueQuantity: { value, unit },
    referenceRange: {
      ...(low === undefined ? {} : { low: { value: low, unit } }),
      ...(high === undefined ? {} : { high: { value: high, unit } }),
    },
    ...(interpretation ? { interpretation } : {}),
  };
}

/** The day after tomorrow at 10:00 UTC: an appointment that is always upcoming. */
export function upcomingAppointmentStart(now = Date.now()): string {
  const day = new Date(now + 2 * 86_400_000);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10)).toISOString();
}

export async function seedClinicalRecord(create: CreateRecord, patientId: string): Promise<ClinicalRecordIds> {
  const practitioner = await create('practitioners', {
    firstName: 'Ravi',
    lastName: 'Shah',
    prefix: ['Dr.'],
    specialty: 'Family Medicine',
  });
  const practitionerId = practitioner.id;

  const encounters = await Promise.all([
    create('encounters', {
      patientId,
      practitionerId,
      status: 'finished',
      class: 'AMB',
      type: 'Annual review',
      reasonCode: 'Blood pressure follow-up',
      period: { start: '2025-01-10T09:00:00Z', end: '2025-01-10T09:40:00Z' },
      location: 'Riverside Clinic, room 3',
    }),
    create('encounters', {
      patientId,
      practitionerId,
      status: 'finished',
      class: 'VR',
      type: 'Medication review',
      reasonCode: 'Metformin tolerance',
      period: { start: '2024-11-02T10:30:00Z', end: '2024-11-02T10:50:00Z' },
    }),
    create('encounters', {
      patientId,
      status: 'finished',
      class: 'EMER',
      type: 'Emergency visit',
      reasonCode: 'Fever and shortness of breath',
      period: { start: '2024-10-21T13:50:00Z', end: '2024-10-21T18:20:00Z' },
      location: 'St Mary’s Emergency Department',
    }),
    create('encounters', {
      patientId,
      practitionerId,
      status: 'cancelled',
      class: 'AMB',
      type: 'Routine check-up',
      period: { start: '2024-09-15T08:30:00Z' },
    }),
  ]);

  for (const reading of VITALS_SERIES) await create('observations', vitalsPanel(patientId, reading));
  await create('observations', {
    patientId,
    status: 'final',
    category: 'vital-signs',
    code: loinc('29463-7', 'Body weight'),
    effectiveDateTime: '2025-01-10T09:15:00Z',
    valueQuantity: { value: 82.4, unit: 'kg' },
  });

  await Promise.all([
    create('prescriptions', {
      patientId,
      prescriberId: practitionerId,
      medication: 'Amlodipine 5mg tablet',
      status: 'active',
      intent: 'order',
      priority: 'routine',
      category: 'community',
      dosageText: 'One tablet by mouth once daily',
      courseOfTherapy: 'continuous',
      authoredOn: '2025-01-10T09:35:00Z',
    }),
    create('prescriptions', {
      patientId,
      prescriberId: practitionerId,
      medication: 'Metformin 500mg tablet',
      status: 'active',
      intent: 'order',
      dosageText: 'One tablet twice daily with meals',
      courseOfTherapy: 'continuous',
      authoredOn: '2024-11-02T10:45:00Z',
    }),
    create('prescriptions', {
      patientId,
      prescriberId: practitionerId,
      medication: 'Salbutamol 100mcg inhaler',
      status: 'on-hold',
      intent: 'order',
      dosageText: 'Two puffs when needed',
      courseOfTherapy: 'seasonal',
      authoredOn: '2024-03-18T15:00:00Z',
    }),
    create('prescriptions', {
      patientId,
      prescriberId: practitionerId,
      medication: 'Amoxicillin 500mg capsule',
      status: 'completed',
      intent: 'order',
      priority: 'urgent',
      dosageText: 'One capsule three times daily for 7 days',
      courseOfTherapy: 'acute',
      authoredOn: '2024-10-21T17:00:00Z',
    }),
    create('prescriptions', {
      patientId,
      prescriberId: practitionerId,
      medication: 'Lisinopril 10mg tablet',
      status: 'cancelled',
      intent: 'order',
      statusReason: 'Dry cough',
      dosageText: 'One tablet daily',
      authoredOn: '2024-08-12T10:00:00Z',
    }),
  ]);

  await Promise.all([
    create('allergies', {
      patientId,
      code: 'Penicillin',
      type: 'allergy',
      category: ['medication'],
      criticality: 'high',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      reaction: [{ manifestation: ['Anaphylaxis'], severity: 'severe' }],
    }),
    create('allergies', {
      patientId,
      code: 'Latex',
      type: 'allergy',
      category: ['environment'],
      criticality: 'low',
      clinicalStatus: 'active',
      reaction: [{ manifestation: ['Rash'], severity: 'mild' }],
    }),
    create('conditions', {
      patientId,
      code: 'Essential hypertension',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      category: ['problem-list-item'],
      severity: 'moderate',
      onsetDateTime: '2019-05-14',
    }),
    create('conditions', {
      patientId,
      code: 'Type 2 diabetes mellitus',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      category: ['problem-list-item'],
      onsetDateTime: '2021-02-01',
    }),
    create('conditions', {
      patientId,
      code: 'Community-acquired pneumonia',
      clinicalStatus: 'resolved',
      verificationStatus: 'confirmed',
      category: ['encounter-diagnosis'],
      onsetDateTime: '2024-10-21',
      abatementDateTime: '2024-11-10',
    }),
  ]);

  const upcoming = upcomingAppointmentStart();
  await Promise.all([
    create('appointments', {
      patientId,
      practitionerId,
      status: 'booked',
      start: upcoming,
      end: new Date(Date.parse(upcoming) + 30 * 60_000).toISOString(),
      minutesDuration: 30,
      appointmentType: 'followup',
      serviceType: 'Blood pressure review',
      description: 'Review home blood pressure readings',
    }),
    create('appointments', {
      patientId,
      practitionerId,
      status: 'fulfilled',
      start: '2025-01-10T09:00:00Z',
      end: '2025-01-10T09:30:00Z',
      minutesDuration: 30,
      appointmentType: 'checkup',
      description: 'Annual review',
    }),
  ]);

  const lipidAt = '2025-01-08T07:30:00Z';
  const lipids = await Promise.all([
    create('observations', labResult(patientId, lipidAt, loinc('2093-3', 'Cholesterol, total'), 6.4, 'mmol/L', undefined, 5.2, 'H')),
    create('observations', labResult(patientId, lipidAt, loinc('13457-7', 'LDL cholesterol'), 4.3, 'mmol/L', undefined, 3.0)),
    create('observations', labResult(patientId, lipidAt, loinc('2085-9', 'HDL cholesterol'), 0.8, 'mmol/L', 1.0, undefined)),
    create('observations', labResult(patientId, lipidAt, loinc('2571-8', 'Triglycerides'), 1.6, 'mmol/L', 0, 1.7)),
  ]);
  const chemistryAt = '2024-10-21T15:10:00Z';
  const chemistry = await Promise.all([
    create('observations', labResult(patientId, chemistryAt, loinc('2823-3', 'Potassium'), 6.6, 'mmol/L', 3.5, 5.1, 'HH')),
    create('observations', labResult(patientId, chemistryAt, loinc('2951-2', 'Sodium'), 138, 'mmol/L', 135, 145, 'N')),
    create('observations', labResult(patientId, chemistryAt, loinc('4548-4', 'Hemoglobin A1c'), 7.4, '%', 4.0, 5.6)),
  ]);
  const labs = await Promise.all([
    create('labs', {
      patientId,
      status: 'final',
      category: 'LAB',
      code: loinc('24331-1', 'Lipid panel'),
      effectiveDateTime: lipidAt,
      resultIds: lipids.map((result) => result.id),
      conclusion: 'Raised LDL; start statin discussion.',
    }),
    create('labs', {
      patientId,
      status: 'final',
      category: 'LAB',
      code: loinc('24323-8', 'Comprehensive metabolic panel'),
      effectiveDateTime: chemistryAt,
      resultIds: chemistry.map((result) => result.id),
      conclusion: 'Critical potassium, repeated and phoned to the ward.',
    }),
    create('labs', {
      patientId,
      status: 'registered',
      category: 'RAD',
      code: loinc('36643-5', 'Chest X-ray 2 views'),
      effectiveDateTime: '2025-01-10T10:00:00Z',
    }),
  ]);

  await Promise.all([
    create('notes', {
      patientId,
      authorId: practitionerId,
      type: 'progress-note',
      title: 'Annual review',
      content: 'Blood pressure above target on home readings. Amlodipine started.',
      docStatus: 'final',
      date: '2025-01-10T09:45:00Z',
    }),
    create('notes', {
      patientId,
      type: 'discharge-summary',
      title: 'Emergency department discharge',
      content: 'Community-acquired pneumonia, treated with amoxicillin.',
      docStatus: 'final',
      date: '2024-10-21T18:30:00Z',
    }),
  ]);

  return { practitionerId, encounterIds: encounters.map((encounter) => encounter.id), labIds: labs.map((lab) => lab.id) };
}
