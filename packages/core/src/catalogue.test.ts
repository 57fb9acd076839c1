import { describe, expect, it } from 'vitest';
import { WIDGET_ACTIONS } from './actions.ts';
import { RESOURCE_CATALOGUE, findResource, findResourceByType, isResourcePath } from './catalogue.ts';

describe('resource catalogue', () => {
  it('has the 62 paths of the REST contract, each once, each with its own FHIR type', () => {
    expect(RESOURCE_CATALOGUE).toHaveLength(62);
    expect(new Set(RESOURCE_CATALOGUE.map((entry) => entry.path)).size).toBe(62);
    expect(new Set(RESOURCE_CATALOGUE.map((entry) => entry.resourceType)).size).toBe(62);
    for (const entry of RESOURCE_CATALOGUE) expect(entry.path).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('maps paths and types both ways', () => {
    expect(findResource('labs')?.resourceType).toBe('DiagnosticReport');
    expect(findResource('prescriptions')?.resourceType).toBe('MedicationRequest');
    expect(findResource('eobs')?.resourceType).toBe('ExplanationOfBenefit');
    expect(findResourceByType('QuestionnaireResponse')?.path).toBe('intakes');
    expect(findResource('bulk')).toBeUndefined();
    expect(isResourcePath('care-plans')).toBe(true);
    expect(isResourcePath('__proto__')).toBe(false);
  });

  it('records how each resource belongs to a patient', () => {
    expect(findResource('patients')?.patientLink).toBe('self');
    expect(findResource('observations')?.patientLink).toBe('subject');
    expect(findResource('allergies')?.patientLink).toBe('patient');
    expect(findResource('appointments')?.patientLink).toBe('participant.actor');
    expect(findResource('practitioners')?.patientLink).toBeNull();
    expect(findResource('medications')?.patientLink).toBeNull();
    // Every clinical resource that can be searched by patient must say which element links it.
    for (const entry of RESOURCE_CATALOGUE) {
      if (entry.searchParams.includes('patientId')) expect(entry.patientLink, entry.path).not.toBeNull();
    }
  });

  it('knows which paths cannot be updated', () => {
    expect(findResource('audit-events')?.operations).not.toContain('update');
    expect(findResource('immunization-recommendations')?.operations).not.toContain('update');
    expect(findResource('patients')?.operations).toEqual(['create', 'search', 'read', 'update', 'delete']);
  });
});

describe('widget actions', () => {
  it('lists the 17 documented actions, including medications.create', () => {
    expect(Object.keys(WIDGET_ACTIONS)).toHaveLength(17);
    expect(WIDGET_ACTIONS['medications.create']).toEqual({ method: 'POST', path: 'medications', byId: false });
    expect(WIDGET_ACTIONS['consents.sign']).toEqual({ method: 'POST', path: 'consents', byId: false });
    expect(WIDGET_ACTIONS['patients.update']).toEqual({ method: 'PATCH', path: 'patients', byId: true });
  });

  it('targets only catalogue paths, with operations those paths allow', () => {
    const operationOf = { GET: 'read', POST: 'create', PATCH: 'update' } as const;
    for (const [name, route] of Object.entries(WIDGET_ACTIONS)) {
      const resource = findResource(route.path);
      expect(resource, name).toBeDefined();
      expect(resource?.operations, name).toContain(operationOf[route.method]);
    }
  });
});
