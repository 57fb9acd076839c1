import { describe, expect, it } from 'vitest';
import { CLINIKO_PARENT_PARAMS, CLINIKO_RESOURCES, CLINIKO_ROUTES, findClinikoResource } from './cliniko-catalogue.ts';

describe('Cliniko catalogue', () => {
  it('names each resource once, and every route names one of them', () => {
    expect(new Set(CLINIKO_RESOURCES.map((entry) => entry.path)).size).toBe(CLINIKO_RESOURCES.length);
    for (const route of CLINIKO_ROUTES) expect(findClinikoResource(route.resource), route.path).toBeDefined();
    expect(findClinikoResource('individual_appointments')?.patientLink).toBe('patient');
    expect(findClinikoResource('toString')).toBeUndefined();
  });

  it('has each method and path once, ids only as {id} or a known parent, and nothing else in a path', () => {
    expect(new Set(CLINIKO_ROUTES.map((route) => `${route.method} ${route.path}`)).size).toBe(CLINIKO_ROUTES.length);
    for (const route of CLINIKO_ROUTES) {
      for (const segment of route.path.split('/').slice(1)) {
        const param = /^\{(.+)\}$/.exec(segment)?.[1];
        if (param) expect(param === 'id' || param in CLINIKO_PARENT_PARAMS, route.path).toBe(true);
        else expect(segment, route.path).toMatch(/^[a-z_]+$/);
      }
    }
  });

  it('lets every list of a patient’s records be confined to one patient with q[]', () => {
    for (const route of CLINIKO_ROUTES.filter((entry) => entry.answer === 'list')) {
      const definition = findClinikoResource(route.resource);
      if (definition?.patientLink === 'patient') expect(definition.filters.patient_id, route.path).toBe('integer');
    }
  });

  it('reads, writes and lists what a booking page and a front desk need', () => {
    const has = (method: string, path: string) => CLINIKO_ROUTES.some((route) => route.method === method && route.path === path);
    expect(has('GET', '/user')).toBe(true);
    expect(has('PATCH', '/individual_appointments/{id}/cancel')).toBe(true);
    expect(has('GET', '/patients/{patient_id}/appointments')).toBe(true);
    expect(
      has('GET', '/businesses/{business_id}/practitioners/{practitioner_id}/appointment_types/{appointment_type_id}/available_times'),
    ).toBe(true);
    expect(has('PUT', '/patients/{id}')).toBe(false);
  });
});
