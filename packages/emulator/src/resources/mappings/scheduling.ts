/** Appointment responses, slots and schedules: the simplified shapes ↔ FHIR R4. */
import { OTHER_RESOURCE_SCHEMAS as SCHEMAS } from '@clinikapi/core';
import { refTo, rule, ruleMapping, same, textInList, textList, textOf, typedRefTo, typedRefsTo } from '../field-rules.ts';

export const appointmentResponseMapping = ruleMapping({
  resourceType: 'AppointmentResponse',
  createSchema: SCHEMAS['appointment-responses'].create,
  updateSchema: SCHEMAS['appointment-responses'].update,
  patientField: 'actorId',
  rules: [
    refTo('Appointment', 'appointmentId', 'appointment'),
    same('start'),
    same('end'),
    textInList('participantType'),
    typedRefTo('Patient', 'actorId', 'actor'),
    same('participantStatus'),
    same('comment'),
  ],
});

export const slotMapping = ruleMapping({
  resourceType: 'Slot',
  createSchema: SCHEMAS.slots.create,
  updateSchema: SCHEMAS.slots.update,
  rules: [
    textInList('serviceCategory'),
    textInList('serviceType'),
    textInList('specialty'),
    textOf('appointmentType'),
    refTo('Schedule', 'scheduleId', 'schedule'),
    same('status'),
    same('start'),
    same('end'),
    same('overbooked'),
    same('comment'),
  ],
});

export const scheduleMapping = ruleMapping({
  resourceType: 'Schedule',
  createSchema: SCHEMAS.schedules.create,
  updateSchema: SCHEMAS.schedules.update,
  patientField: 'actorIds',
  rules: [
    rule(
      'active',
      (input) => input.active ?? true,
      (value) => ({ active: value }),
    ),
    textList('serviceCategory'),
    textList('serviceType'),
    textList('specialty'),
    typedRefsTo('Practitioner', 'actorIds', 'actor'),
    same('planningHorizon'),
    same('comment'),
  ],
});
