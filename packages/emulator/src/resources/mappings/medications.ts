/** Medication: the simplified catalogue entry ↔ FHIR R4 Medication. It belongs to no patient. */
import { medicationCreateSchema, medicationUpdateSchema, type Medication } from '@clinikapi/core';
import { compact, compactOrNone, concept, conceptOut, textConcept, textConceptOut } from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

type Ratio = NonNullable<Medication['amount']>;
type SimpleRatio = { numerator?: { value: number; unit?: string }; denominator?: { value: number; unit?: string } };

const ratio = (value: SimpleRatio | undefined): Ratio | undefined =>
  value &&
  compactOrNone({
    numerator: value.numerator && compact({ ...value.numerator }),
    denominator: value.denominator && compact({ ...value.denominator }),
  });

const ratioOut = (value: Ratio | undefined): SimpleRatio | undefined =>
  value &&
  compactOrNone({
    numerator: value.numerator && compact({ value: value.numerator.value as number, unit: value.numerator.unit }),
    denominator: value.denominator && compact({ value: value.denominator.value as number, unit: value.denominator.unit }),
  });

export const medicationMapping = defineMapping({
  createSchema: medicationCreateSchema,
  updateSchema: medicationUpdateSchema,
  patientField: undefined,
  toFhir: (input) =>
    compact({
      resourceType: 'Medication' as const,
      code: concept(input.code),
      status: input.status,
      manufacturer: input.manufacturer ? { display: input.manufacturer } : undefined,
      form: textConcept(input.form),
      amount: ratio(input.amount),
      ingredient: input.ingredient?.map((ingredient) =>
        compact({ itemCodeableConcept: concept(ingredient.item), isActive: ingredient.isActive, strength: ratio(ingredient.strength) }),
      ),
      batch: input.batch && compactOrNone({ ...input.batch }),
    }),
  fromFhir: (resource) => {
    const medication = resource as Medication;
    return compact({
      code: conceptOut(medication.code) ?? '',
      status: medication.status === 'entered-in-error' ? undefined : medication.status,
      form: textConceptOut(medication.form),
      manufacturer: medication.manufacturer?.display,
      amount: ratioOut(medication.amount),
      ingredient: medication.ingredient?.map((ingredient) =>
        compact({
          item: conceptOut(ingredient.itemCodeableConcept) ?? '',
          isActive: ingredient.isActive,
          strength: ratioOut(ingredient.strength),
        }),
      ),
      batch: medication.batch && compactOrNone({ lotNumber: medication.batch.lotNumber, expirationDate: medication.batch.expirationDate }),
    });
  },
});
