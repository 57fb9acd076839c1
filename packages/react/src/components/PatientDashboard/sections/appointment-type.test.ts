import { describe, expect, it } from 'vitest';
import { codeNameMessages } from '../../../codes/code-names.ts';
import { appointmentTypeText } from './appointment-type.ts';

const V2_0276 = 'http://terminology.hl7.org/CodeSystem/v2-0276';

describe('appointmentTypeText', () => {
  it('names the v2-0276 codes the API stores without a display, from the shared code list', () => {
    expect(appointmentTypeText({ coding: [{ system: V2_0276, code: 'FOLLOWUP' }] }, codeNameMessages)).toBe('Follow-up');
    expect(appointmentTypeText({ coding: [{ system: V2_0276, code: 'EMERGENCY' }] }, codeNameMessages)).toBe('Urgent');
  });

  it('prefers the concept’s own text, and falls back to the display or code of any other system', () => {
    expect(appointmentTypeText({ text: 'Telehealth', coding: [{ system: V2_0276, code: 'ROUTINE' }] }, codeNameMessages)).toBe(
      'Telehealth',
    );
    expect(
      appointmentTypeText({ coding: [{ system: 'https://example.org/types', code: 'tele', display: 'Video call' }] }, codeNameMessages),
    ).toBe('Video call');
    // Never the code as it is stored: an unknown one is made readable.
    expect(appointmentTypeText({ coding: [{ system: V2_0276, code: 'UNKNOWN' }] }, codeNameMessages)).toBe('Unknown');
    // A text that is itself a code is named like one.
    expect(appointmentTypeText({ text: 'followup' }, codeNameMessages)).toBe('Follow-up');
    expect(appointmentTypeText(undefined, codeNameMessages)).toBe('');
  });
});
