/** PractitionerRole: the simplified shape ↔ FHIR R4 PractitionerRole. */
import { practitionerRoleCreateSchema, practitionerRoleUpdateSchema, type PractitionerRole } from '@clinikapi/core';
import { compact, ref, refOut, textConceptOut, textConcepts, textConceptsOut } from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';
import { telecom, telecomOut } from './patients.ts';

export const practitionerRoleMapping = defineMapping({
  createSchema: practitionerRoleCreateSchema,
  updateSchema: practitionerRoleUpdateSchema,
  patientField: undefined,
  toFhir: (input) => {
    const availableTime = input.availableTime?.map((slot) => compact({ ...slot }));
    // The legacy flat fields describe one more availability entry.
    const legacy =
      input.availableDays || input.availableStartTime || input.availableEndTime
        ? [
            compact({
              daysOfWeek: input.availableDays,
              availableStartTime: input.availableStartTime,
              availableEndTime: input.availableEndTime,
            }),
          ]
        : [];
    const allTimes = [...(availableTime ?? []), ...legacy];
    return compact({
      resourceType: 'PractitionerRole' as const,
      active: input.active ?? true,
      period: input.period,
      practitioner: ref('Practitioner', input.practitionerId),
      organization: input.organizationName ? { display: input.organizationName } : undefined,
      code: [{ text: input.role }],
      specialty: textConcepts(input.specialty),
      location: input.locationName ? [{ display: input.locationName }] : undefined,
      telecom: telecom(input.email, input.phone),
      availableTime: allTimes.length > 0 ? allTimes : undefined,
      notAvailable: input.notAvailable?.map((entry) => compact({ ...entry })),
      availabilityExceptions: input.availabilityExceptions,
    });
  },
  fromFhir: (resource) => {
    const role = resource as PractitionerRole;
    return compact({
      practitionerId: refOut(role.practitioner, 'Practitioner') ?? '',
      role: textConceptOut(role.code?.[0]) ?? '',
      organizationName: role.organization?.display,
      specialty: textConceptsOut(role.specialty),
      locationName: role.location?.[0]?.display,
      phone: telecomOut(role.telecom, 'phone'),
      email: telecomOut(role.telecom, 'email'),
      period: role.period,
      availableTime: role.availableTime?.map((slot) => compact({ ...slot })),
      notAvailable: role.notAvailable?.map((entry) => compact({ ...entry })),
      availabilityExceptions: role.availabilityExceptions,
      active: role.active ?? true,
    });
  },
});
