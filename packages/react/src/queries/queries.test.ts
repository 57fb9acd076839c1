import { RESOURCE_CATALOGUE, RESOURCE_SCHEMAS, type PatientSummary } from '@clinikapi/core';
import { QueryClient, matchQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createClinikClient } from '../client/client.ts';
import { bindClinikClient } from '../client/query-client-binding.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../test/emulator.ts';
import { patientRecordKeys, resourceKeys } from './keys.ts';
import { PATIENT_REVINCLUDES, UNLINKED_WIDGET_PATHS, linkedPathOfType, patientIdsOf } from './patient-links.ts';
import { patientSummaryFromFhir } from './patient-summary.ts';
import { CONSISTENCY_WINDOW_MS, reconcileSearchPage, rememberWrite } from './recent-writes.ts';
import { observationQueries, patientQueries } from './resource-factories.ts';

const matches = (filterKey: readonly unknown[], queryKey: readonly unknown[]): boolean =>
  matchQuery({ queryKey: filterKey }, { queryKey, queryHash: JSON.stringify(queryKey) } as never);

describe('query keys', () => {
  it('nest, so invalidating a level reaches exactly what is below it', () => {
    const patients = resourceKeys('patients');
    const detail = patientQueries.detail('p1').queryKey;
    const search = patientQueries.search({ name: 'ok' }).queryKey;
    const infinite = patientQueries.infiniteSearch({ name: 'ok' }).queryKey;
    expect(matches(patients.all, detail)).toBe(true);
    expect(matches(patients.details(), detail)).toBe(true);
    expect(matches(patients.searches(), detail)).toBe(false);
    expect(matches(patients.searches(), search)).toBe(true);
    expect(matches(patients.searches(), infinite)).toBe(true);
    expect(matches(patients.search({ name: 'ok' }), infinite)).toBe(false);
    expect(matches(patients.all, observationQueries.detail('p1').queryKey)).toBe(false);
    expect(matches(patientRecordKeys.patient('p1'), patientRecordKeys.record('p1', ['observations']))).toBe(true);
    expect(matches(patients.searches(), patientRecordKeys.record('p1', []))).toBe(false);
  });

  it('do not depend on the order of a record’s includes', () => {
    expect(patientRecordKeys.record('p1', ['labs', 'allergies'])).toEqual(patientRecordKeys.record('p1', ['allergies', 'labs']));
  });
});

describe('query-options factories', () => {
  it('prefetch without React, through the client bound to the QueryClient', async () => {
    await startTestEmulator();
    const queryClient = new QueryClient();
    bindClinikClient(queryClient, createClinikClient({ proxyUrl: TEST_PROXY_URL }));
    const page = await queryClient.fetchQuery(patientQueries.search({ count: 3 }));
    expect(page.data).toHaveLength(3);
    const first = page.data[0] as PatientSummary;
    queryClient.setQueryData(patientQueries.detail(first.id).queryKey, first);
    expect(queryClient.getQueryData(patientQueries.detail(first.id).queryKey)?.fullName).toBe(first.fullName);
  });

  it('say which provider is missing when no client is bound', async () => {
    await expect(new QueryClient().fetchQuery(patientQueries.detail('p1'))).rejects.toThrow(/render <ClinikProvider>/);
  });
});

describe('patient links', () => {
  it('match the catalogue for every widget resource', () => {
    const widgetPaths = Object.keys(RESOURCE_SCHEMAS);
    const widgets = RESOURCE_CATALOGUE.filter((entry) => widgetPaths.includes(entry.path) && entry.patientLink !== 'self');
    const expected = widgets
      .filter((entry) => entry.patientLink !== null)
      .map((entry) => [entry.path, `${entry.resourceType}:${entry.patientLink?.includes('.') ? 'patient' : entry.patientLink}`]);
    expect(Object.entries(PATIENT_REVINCLUDES).sort()).toEqual(expected.sort());
    expect([...UNLINKED_WIDGET_PATHS].sort()).toEqual(
      widgets
        .filter((entry) => entry.patientLink === null)
        .map((entry) => entry.path)
        .sort(),
    );
  });

  it('find the patients a record points at', () => {
    const appointment = { participant: [{ actor: { reference: 'Patient/p1' } }, { actor: { reference: 'Practitioner/d1' } }] };
    expect(patientIdsOf('appointments', appointment)).toEqual(['p1']);
    expect(patientIdsOf('observations', { subject: { reference: 'Patient/p2' }, performer: [{ reference: 'Patient/p2' }] })).toEqual([
      'p2',
    ]);
    expect(patientIdsOf('patients', { id: 'p3' })).toEqual(['p3']);
    expect(patientIdsOf('practitioners', { id: 'd1' })).toEqual([]);
    expect(linkedPathOfType('AllergyIntolerance')).toBe('allergies');
    expect(linkedPathOfType('Practitioner')).toBeUndefined();
  });
});

describe('read-your-writes over a lagging search', () => {
  it('drops rows this client deleted and shows its newer version of rows it updated', () => {
    const queryClient = new QueryClient();
    const old = { id: 'a', status: 'preliminary', meta: { versionId: '1', lastUpdated: '2026-02-09T10:00:00Z' } };
    const newer = { ...old, status: 'final', meta: { versionId: '2', lastUpdated: '2026-02-09T10:05:00Z' } };
    rememberWrite(queryClient, 'observations', 'a', newer);
    rememberWrite(queryClient, 'observations', 'b', null);
    const page = reconcileSearchPage(queryClient, 'observations', { data: [old, { id: 'b' }, { id: 'c' }], total: 3, hasMore: false });
    expect(page).toEqual({ data: [newer, { id: 'c' }], total: 2, hasMore: false });
    // Other paths and other QueryClients are not affected.
    const untouched = { data: [{ id: 'b' }], total: 1, hasMore: false };
    expect(reconcileSearchPage(queryClient, 'conditions', untouched)).toEqual(untouched);
    expect(reconcileSearchPage(new QueryClient(), 'observations', untouched)).toBe(untouched);
  });

  it('keeps a version someone else wrote later, and forgets writes after the window', () => {
    const queryClient = new QueryClient();
    const mine = { id: 'a', meta: { versionId: '2', lastUpdated: '2026-02-09T10:05:00Z' } };
    const theirs = { id: 'a', meta: { versionId: '3', lastUpdated: '2026-02-09T10:06:00Z' } };
    rememberWrite(queryClient, 'observations', 'a', mine);
    expect(reconcileSearchPage(queryClient, 'observations', { data: [theirs], total: 1, hasMore: false }).data).toEqual([theirs]);
    expect(CONSISTENCY_WINDOW_MS).toBeGreaterThan(10_000);
  });
});

describe('patientSummaryFromFhir', () => {
  it('gives a Bundle’s FHIR Patient the summary shape', () => {
    expect(
      patientSummaryFromFhir({
        resourceType: 'Patient',
        id: 'p1',
        meta: { versionId: '3', lastUpdated: '2026-02-09T10:00:00Z' },
        name: [{ use: 'official', given: ['Amara', 'N.'], family: 'Okafor' }],
        telecom: [{ system: 'phone', value: '+1 512 555 0142' }],
        gender: 'female',
        birthDate: '1986-04-12',
        address: [{ use: 'home', city: 'Austin' }],
      }),
    ).toEqual({
      id: 'p1',
      fullName: 'Amara N. Okafor',
      firstName: 'Amara N.',
      lastName: 'Okafor',
      phone: '+1 512 555 0142',
      gender: 'female',
      birthDate: '1986-04-12',
      address: { city: 'Austin' },
      active: true,
      meta: { versionId: '3', lastUpdated: '2026-02-09T10:00:00Z' },
    });
  });
});
