/**
 * A value for each search parameter of each path that finds the path's full body, as an SDK `search(params)` call
 * would pass it. Most come from the body's field of the same name; the rest are listed.
 */
import type { ResourcePath } from '@clinikapi/core';

type Body = Record<string, unknown>;

/** Values that do not come from a body field of the same name. */
const LISTED: Partial<Record<ResourcePath, Record<string, string>>> = {
  patients: { name: 'ann ev', phone: '+44 (20) 7946-0000', active: 'true' },
  practitioners: { name: 'ravi', specialty: 'cardiology', active: 'true' },
  'practitioner-roles': { status: 'active' },
  prescriptions: { prescriberId: 'prac-1', medication: 'Amoxicillin 500mg' },
  notes: { type: 'progress-note', category: 'cardiology', date: '2025-01-15' },
  documents: { type: 'discharge-summary', practitionerId: 'prac-1', date: '2025-01-16' },
  assessments: { practitionerId: 'prac-1' },
  'appointment-responses': { actorId: '{patient}' },
  tasks: { code: 'fulfill' },
  organizations: { name: 'riverside', type: 'prov', active: 'true' },
  'healthcare-services': { name: 'travel', type: 'Travel clinic', specialty: 'Family medicine', active: 'true' },
  'service-requests': { category: 'Laboratory procedure', performerId: 'nurse-1', code: '58410-2' },
  locations: { name: 'room 4', type: 'Consulting room', address: 'Austin' },
  schedules: { actorId: 'prac-1', serviceType: 'Vaccination', specialty: 'Family medicine', active: 'true' },
  persons: { name: 'mary', active: 'true' },
  'family-history': { relationship: 'mother' },
  'care-plans': { category: 'diabetes-management' },
  immunizations: { vaccineCode: '208' },
  allergies: { category: 'food', code: 'Penicillin' },
  'care-teams': { category: 'Longitudinal care' },
  conditions: { clinicalStatus: 'resolved', verificationStatus: 'confirmed', category: 'problem-list-item', code: 'I10' },
  'charge-items': { code: '99213' },
  coverages: { payorId: 'org-insurer' },
  devices: { type: 'Sphygmomanometer' },
  'device-requests': { code: 'Blood pressure monitor' },
  goals: { category: 'dietary' },
  'medication-dispenses': { medication: '308182' },
  'medication-knowledge': { code: 'Amoxicillin 500 mg capsule' },
  'medication-statements': { medication: 'Lisinopril 10 mg' },
  'imaging-studies': { modality: 'CT' },
  'immunization-evaluations': { targetDisease: 'Measles' },
  media: { type: 'image', modality: 'Digital photography' },
  'activity-definitions': { name: 'BloodPressureCheck', title: 'Blood Pressure Check', code: '46973005' },
  'plan-definitions': { name: 'HypertensionPathway', title: 'Hypertension Pathway', type: 'clinical-protocol' },
  'risk-assessments': { method: 'QRISK3' },
  'audit-events': { action: 'R', outcome: '0', agent: 'prac-1' },
  measures: { name: 'ControllingBloodPressure', title: 'Controlling Blood Pressure', topic: 'Hypertension' },
  'measure-reports': { measureId: 'measure-1' },
  'immunization-recommendations': { vaccineCode: 'MMR', targetDisease: 'Measles' },
};

/** The value of a body field as a search value: text, a coding's code, or a list's first item. */
function valueOf(field: unknown): string | undefined {
  if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') return String(field);
  if (Array.isArray(field)) return valueOf(field[0]);
  if (typeof field === 'object' && field !== null)
    return valueOf((field as { code?: unknown }).code ?? (field as { display?: unknown }).display);
  return undefined;
}

/** `param=value` pairs that each find the full body of `path`, one per search parameter it offers. */
export function searchesFor(path: ResourcePath, params: readonly string[], body: Body, patientId: string): [string, string][] {
  const listed = LISTED[path] ?? {};
  return params.flatMap((param): [string, string][] => {
    if (param === 'patientId') return [[param, patientId]];
    if (param === 'dateFrom') return [[param, '2000-01-01']];
    if (param === 'dateTo') return [[param, '2099-12-31']];
    if (param === 'sort') return [[param, '-lastUpdated']];
    const value = listed[param]?.replace('{patient}', patientId) ?? valueOf(body[param]);
    if (value === undefined) throw new Error(`No search value for ${path}?${param}`);
    return [[param, value]];
  });
}
