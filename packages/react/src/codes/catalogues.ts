/**
 * The documented code lists the widgets suggest. They are examples to speed up entry, not complete terminologies:
 * every coded field also takes free text.
 */
import type { CodeOption } from '../headless/coded-value.ts';
import { CODE_SYSTEMS } from './systems.ts';

const coded = (system: string, entries: readonly (readonly [string, string])[]): readonly CodeOption[] =>
  entries.map(([code, display]) => ({ system, code, display }));

/** Clinical note types (LOINC document codes), as the NoteEditor page lists them. */
export const NOTE_TYPES = [
  { type: 'progress-note', code: '11506-3', display: 'Progress note' },
  { type: 'consultation-note', code: '11488-4', display: 'Consultation note' },
  { type: 'discharge-summary', code: '18842-5', display: 'Discharge summary' },
  { type: 'history-and-physical', code: '34117-2', display: 'History and physical note' },
  { type: 'operative-note', code: '11504-8', display: 'Operative note' },
  { type: 'procedure-note', code: '28570-0', display: 'Procedure note' },
  { type: 'referral-note', code: '57133-1', display: 'Referral note' },
  { type: 'transfer-summary', code: '18761-7', display: 'Transfer summary note' },
] as const;

/** Common vaccines (CVX). */
export const VACCINE_CODES = coded(CODE_SYSTEMS.cvx, [
  ['141', 'Influenza, seasonal, injectable'],
  ['140', 'Influenza, seasonal, injectable, preservative free'],
  ['208', 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose (Pfizer-BioNTech)'],
  ['207', 'COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5 mL dose (Moderna)'],
  ['213', 'SARS-COV-2 (COVID-19) vaccine, unspecified formulation'],
  ['115', 'Tdap'],
  ['113', 'Td (adult), preservative free'],
  ['20', 'DTaP'],
  ['10', 'IPV (polio)'],
  ['03', 'MMR'],
  ['21', 'Varicella'],
  ['43', 'Hepatitis B, adult dosage'],
  ['08', 'Hepatitis B, adolescent or pediatric'],
  ['52', 'Hepatitis A, adult'],
  ['83', 'Hepatitis A, pediatric/adolescent, 2 dose'],
  ['133', 'Pneumococcal conjugate PCV 13'],
  ['33', 'Pneumococcal polysaccharide PPV23'],
  ['187', 'Zoster vaccine recombinant'],
  ['165', 'HPV9'],
  ['114', 'Meningococcal MCV4P'],
]);

/** Frequent diagnoses (ICD-10-CM). */
export const CONDITION_CODES = coded(CODE_SYSTEMS.icd10, [
  ['I10', 'Essential (primary) hypertension'],
  ['E11.9', 'Type 2 diabetes mellitus without complications'],
  ['E78.5', 'Hyperlipidemia, unspecified'],
  ['J45.909', 'Unspecified asthma, uncomplicated'],
  ['J44.9', 'Chronic obstructive pulmonary disease, unspecified'],
  ['F32.9', 'Major depressive disorder, single episode, unspecified'],
  ['F41.1', 'Generalized anxiety disorder'],
  ['K21.9', 'Gastro-esophageal reflux disease without esophagitis'],
  ['E66.9', 'Obesity, unspecified'],
  ['E03.9', 'Hypothyroidism, unspecified'],
  ['I48.91', 'Unspecified atrial fibrillation'],
  ['N18.30', 'Chronic kidney disease, stage 3 unspecified'],
  ['M54.50', 'Low back pain, unspecified'],
  ['G43.909', 'Migraine, unspecified, not intractable, without status migrainosus'],
  ['J06.9', 'Acute upper respiratory infection, unspecified'],
  ['N39.0', 'Urinary tract infection, site not specified'],
]);

/** Frequently prescribed products (RxNorm clinical drugs). */
export const MEDICATION_CODES = coded(CODE_SYSTEMS.rxnorm, [
  ['308191', 'Amoxicillin 500 MG Oral Capsule'],
  ['314076', 'Lisinopril 10 MG Oral Tablet'],
  ['861007', 'Metformin hydrochloride 500 MG Oral Tablet'],
  ['617310', 'Atorvastatin 20 MG Oral Tablet'],
  ['312961', 'Simvastatin 20 MG Oral Tablet'],
  ['197361', 'Amlodipine 5 MG Oral Tablet'],
  ['310798', 'Hydrochlorothiazide 25 MG Oral Tablet'],
  ['243670', 'Aspirin 81 MG Oral Tablet'],
  ['309362', 'Clopidogrel 75 MG Oral Tablet'],
  ['313782', 'Acetaminophen 325 MG Oral Tablet'],
  ['745679', 'Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler'],
]);

/** Laboratory, radiology and pathology orders (LOINC). */
export const LAB_CODES = coded(CODE_SYSTEMS.loinc, [
  ['24331-1', 'Lipid panel'],
  ['58410-2', 'Complete blood count (CBC) panel'],
  ['24323-8', 'Comprehensive metabolic panel'],
  ['51990-0', 'Basic metabolic panel'],
  ['4548-4', 'Hemoglobin A1c'],
  ['3016-3', 'Thyrotropin (TSH)'],
  ['2345-7', 'Glucose, serum or plasma'],
  ['24356-8', 'Urinalysis complete panel'],
  ['36643-5', 'XR Chest 2 views'],
  ['60567-5', 'Comprehensive pathology report panel'],
]);

/** Common allergens (SNOMED CT substances). */
export const ALLERGEN_CODES = coded(CODE_SYSTEMS.snomed, [
  ['764146007', 'Penicillin'],
  ['387406002', 'Sulfonamide'],
  ['387458008', 'Aspirin'],
  ['387494007', 'Codeine'],
  ['762952008', 'Peanut'],
  ['102263004', 'Eggs'],
  ['3718001', "Cow's milk"],
  ['111088007', 'Latex'],
  ['256259004', 'Pollen'],
  ['260147004', 'House dust mite'],
]);

/** Routes of administration (HL7 v3). */
export const ROUTE_CODES = coded(CODE_SYSTEMS.route, [
  ['IM', 'Intramuscular'],
  ['SQ', 'Subcutaneous'],
  ['IDINJ', 'Intradermal'],
  ['PO', 'Oral'],
  ['NASINHLC', 'Nasal inhalation'],
]);

/** Body sites for administration (HL7 v3). */
export const SITE_CODES = coded(CODE_SYSTEMS.site, [
  ['LD', 'Left deltoid'],
  ['RD', 'Right deltoid'],
  ['LA', 'Left arm'],
  ['RA', 'Right arm'],
  ['LT', 'Left thigh'],
  ['RT', 'Right thigh'],
  ['LVL', 'Left vastus lateralis'],
  ['RVL', 'Right vastus lateralis'],
]);
