import { describe, expect, it } from 'vitest';
import { patientDashboardMessages } from '../messages.ts';
import { appointmentTypeText } from './appointment-type.ts';

const V2_0276 = 'http://terminology.hl7.org/CodeSystem/v2-0276';

describe('appointmentTypeText', () => {
  it('names the v2-0276 codes the API stores without a display, as the scheduler offers them', () => {
    expect(appointmentTypeText({ coding: [{ system: V2_0276, code: 'FOLLOWUP' }] }, patientDashboardMessages)).toBe('Follow-up');
    expect(appointmentTypeText({ coding: [{ system: V2_0276, code: 'EMERGENCY' }] }, patientDashboardMessages)).toBe('Urgent');
  });

  it('prefers the concept’s own text, and falls back to the display or code of any other system', () => {
    expect(appointmentTypeText({ text: 'Telehealth', coding: [{ system: V2_0276, code: 'ROUTINE' }] }, patientDashboardMessages)).toBe('Telehealth');
    expect(appointmentTypeText({ coding: [{ system: 'https://example.org/types', code: 'tele', display: 'Video call' }] }, patientDashboardMessages)).toBe('Video call');
    expect(appointmentTypeText({ coding: [{ system: V2_0276, code: 'UNKNOWN' }] }, patientDashboardMessages)).toBe('UNKNOWN');
    expect(appointmentTypeText(undefined, patientDashboardMessages)).toBe('');
  });
});
