/** Reading FHIR values for display: the text a person would recognise, never an internal shape. */
import type { CodeableConcept, Coding, Reference } from '@clinikapi/core';

/** `text`, else the first coding's display, else its code. */
export function conceptText(concept: CodeableConcept | undefined): string {
  if (!concept) return '';
  const coding: Coding | undefined = concept.coding?.find((entry) => entry.display) ?? concept.coding?.[0];
  return concept.text ?? coding?.display ?? coding?.code ?? '';
}

/** The code of the first coding (FHIR status concepts such as `clinicalStatus` carry their value there). */
export function conceptCode(concept: CodeableConcept | undefined): string | undefined {
  return concept?.coding?.[0]?.code ?? concept?.text;
}

/** The id part of `Patient/123`. */
export function referenceId(reference: Reference | undefined): string | undefined {
  return reference?.reference?.split('/').at(-1);
}
