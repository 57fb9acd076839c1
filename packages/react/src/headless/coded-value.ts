/** A coded value: a free-text entry, or a code from a known system (what the API's CodeableConcept fields take). */
export type CodedValue = string | { readonly system?: string; readonly code: string; readonly display: string };

/** One suggestion of a coded field. */
export interface CodeOption {
  readonly code: string;
  readonly display: string;
  /** Code system URI, e.g. `http://loinc.org`. */
  readonly system?: string;
}

/** How a code option reads in the suggestion list and in the box once chosen. */
export function optionLabel(option: CodeOption): string {
  return `${option.display} (${option.code})`;
}

/** The coded value for what is typed: a known option when the text names one, else the text itself. */
export function codedValueOf(text: string, options: readonly CodeOption[]): CodedValue {
  const typed = text.trim();
  const lower = typed.toLowerCase();
  const match = options.find((option) => optionLabel(option).toLowerCase() === lower || option.code.toLowerCase() === lower);
  if (!match) return typed;
  return match.system ? { system: match.system, code: match.code, display: match.display } : { code: match.code, display: match.display };
}

/** The text shown in the box for a value. */
export function textOf(value: CodedValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : optionLabel(value);
}
