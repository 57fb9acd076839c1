import type { Appointment } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { busyIntervals, conflictWith, withCreated } from './schedule.ts';

function appointment(
  id: string,
  start: string,
  end: string | undefined,
  actors: string[],
  status: Appointment['status'] = 'booked',
): Appointment {
  return {
    resourceType: 'Appointment',
    id,
    status,
    start,
    ...(end ? { end } : { minutesDuration: 30 }),
    participant: actors.map((reference) => ({ actor: { reference }, status: 'accepted' as const })),
  };
}

const who = { practitionerId: 'dr-1', patientId: 'pt-1' };

describe('busy intervals', () => {
  it('keeps the practitioner’s and the patient’s bookings that hold time, earliest first', () => {
    const busy = busyIntervals(
      [
        appointment('late', '2025-03-04T16:00:00Z', '2025-03-04T16:30:00Z', ['Patient/other', 'Practitioner/dr-1']),
        appointment('own', '2025-03-04T15:00:00Z', undefined, ['Patient/pt-1', 'Practitioner/dr-2']),
        appointment('cancelled', '2025-03-04T14:00:00Z', '2025-03-04T14:30:00Z', ['Practitioner/dr-1'], 'cancelled'),
        appointment('proposed', '2025-03-04T14:00:00Z', '2025-03-04T14:30:00Z', ['Practitioner/dr-1'], 'proposed'),
        appointment('someone-else', '2025-03-04T14:00:00Z', '2025-03-04T14:30:00Z', ['Patient/other', 'Practitioner/dr-2']),
      ],
      who,
    );
    expect(busy.map((interval) => [interval.id, interval.practitioner, interval.patient])).toEqual([
      ['own', false, true],
      ['late', true, false],
    ]);
    // An appointment with only a duration ends that many minutes after its start.
    expect(busy[0]?.end).toBe(Date.parse('2025-03-04T15:30:00Z'));
  });

  it('counts an overlap, but not appointments that only touch', () => {
    const busy = busyIntervals([appointment('a', '2025-03-04T15:00:00Z', '2025-03-04T15:30:00Z', ['Practitioner/dr-1'])], who);
    const t = (time: string) => Date.parse(`2025-03-04T${time}:00Z`);
    expect(conflictWith(t('14:30'), t('15:00'), busy)).toBeUndefined();
    expect(conflictWith(t('15:30'), t('16:00'), busy)).toBeUndefined();
    expect(conflictWith(t('14:45'), t('15:15'), busy)?.id).toBe('a');
    expect(conflictWith(t('14:00'), t('16:00'), busy)?.id).toBe('a');
  });

  it('adds what this screen created once, even when search already has it', () => {
    const found = [appointment('a', '2025-03-04T15:00:00Z', undefined, [])];
    const created = [appointment('a', '2025-03-04T15:00:00Z', undefined, []), appointment('b', '2025-03-04T16:00:00Z', undefined, [])];
    expect(withCreated(found, created).map((entry) => entry.id)).toEqual(['a', 'b']);
  });
});
