/** Prescription: the simplified shape ↔ FHIR R4 MedicationRequest. */
import { prescriptionCreateSchema, prescriptionUpdateSchema, type MedicationRequest } from '@clinikapi/core';
import {
  compact,
  compactOrNone,
  concept,
  conceptOut,
  maybeCoded,
  maybeCodedOut,
  notes,
  notesOut,
  ref,
  refOut,
  textConcept,
  textConceptOut,
} from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/medicationrequest-category';
const CATEGORIES = ['inpatient', 'outpatient', 'community', 'discharge'];
const COURSE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy';
const COURSES = ['continuous', 'acute', 'seasonal'];
const UCUM = 'http://unitsofmeasure.org';

type Dosage = NonNullable<MedicationRequest['dosageInstruction']>[number];

export const prescriptionMapping = defineMapping({
  createSchema: prescriptionCreateSchema,
  updateSchema: prescriptionUpdateSchema,
  toFhir: (input, context) => {
    const dosage = input.dosage;
    const repeat = dosage && compactOrNone({ frequency: dosage.frequency, period: dosage.period, periodUnit: dosage.periodUnit });
    const instruction: Dosage | undefined = compactOrNone({
      text: input.dosageText,
      timing: repeat ? { repeat } : undefined,
      route: textConcept(dosage?.route),
      doseAndRate: dosage?.dose ? [{ doseQuantity: compact({ ...dosage.dose }) }] : undefined,
    });
    const dispense = compactOrNone({
      numberOfRepeatsAllowed: input.refills,
      quantity: input.quantity && compact({ ...input.quantity }),
      expectedSupplyDuration:
        input.supplyDays === undefined ? undefined : { value: input.supplyDays, unit: 'days', system: UCUM, code: 'd' },
    });
    return compact({
      resourceType: 'MedicationRequest' as const,
      status: input.status ?? 'active',
      statusReason: textConcept(input.statusReason),
      intent: input.intent ?? 'order',
      category: input.category
        ? [maybeCoded(CATEGORY_SYSTEM, CATEGORIES, input.category) as NonNullable<ReturnType<typeof maybeCoded>>]
        : undefined,
      priority: input.priority,
      doNotPerform: input.doNotPerform,
      medicationCodeableConcept: concept(input.medication),
      subject: { reference: `Patient/${input.patientId}` },
      encounter: ref('Encounter', input.encounterId),
      authoredOn: input.authoredOn ?? context.now,
      requester: ref('Practitioner', input.prescriberId),
      performer: ref('Practitioner', input.performerId),
      reasonCode: input.reason ? [{ text: input.reason }] : undefined,
      courseOfTherapyType: maybeCoded(COURSE_SYSTEM, COURSES, input.courseOfTherapy),
      note: notes(input.note),
      dosageInstruction: instruction ? [instruction] : undefined,
      dispenseRequest: dispense,
      substitution: input.substitutionAllowed === undefined ? undefined : { allowedBoolean: input.substitutionAllowed },
      priorPrescription: ref('MedicationRequest', input.priorPrescriptionId),
    });
  },
  fromFhir: (resource) => {
    const request = resource as MedicationRequest;
    const instruction = request.dosageInstruction?.[0];
    const repeat = instruction?.timing?.repeat;
    const dose = instruction?.doseAndRate?.[0]?.doseQuantity;
    return compact({
      patientId: refOut(request.subject, 'Patient') ?? '',
      prescriberId: refOut(request.requester, 'Practitioner') ?? '',
      encounterId: refOut(request.encounter, 'Encounter'),
      medication: conceptOut(request.medicationCodeableConcept) ?? '',
      intent: request.intent,
      status: request.status,
      statusReason: textConceptOut(request.statusReason),
      priority: request.priority,
      category: maybeCodedOut(request.category?.[0]),
      doNotPerform: request.doNotPerform,
      authoredOn: request.authoredOn,
      dosageText: instruction?.text,
      dosage: compactOrNone({
        dose: dose && compact({ value: dose.value as number, unit: dose.unit }),
        frequency: repeat?.frequency,
        period: repeat?.period,
        periodUnit: repeat?.periodUnit,
        route: textConceptOut(instruction?.route),
      }),
      refills: request.dispenseRequest?.numberOfRepeatsAllowed,
      quantity:
        request.dispenseRequest?.quantity &&
        compact({ value: request.dispenseRequest.quantity.value as number, unit: request.dispenseRequest.quantity.unit }),
      supplyDays: request.dispenseRequest?.expectedSupplyDuration?.value,
      substitutionAllowed: request.substitution?.allowedBoolean,
      reason: textConceptOut(request.reasonCode?.[0]),
      note: notesOut(request.note),
      performerId: refOut(request.performer, 'Practitioner'),
      courseOfTherapy: maybeCodedOut(request.courseOfTherapyType),
      priorPrescriptionId: refOut(request.priorPrescription, 'MedicationRequest'),
    });
  },
});
