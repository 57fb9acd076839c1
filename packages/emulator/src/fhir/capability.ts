/** `GET /v1/metadata`: the FHIR R4 CapabilityStatement of the emulator, built from the catalogue. No key needed. */
import { RESOURCE_CATALOGUE, type ResourceDefinition } from '@clinikapi/core';

const INTERACTIONS: Readonly<Record<ResourceDefinition['operations'][number], string>> = {
  create: 'create',
  search: 'search-type',
  read: 'read',
  update: 'patch',
  delete: 'delete',
};

/** The FHIR search parameter type of a catalogue parameter. */
function paramType(name: string): string {
  if (name === 'name' || name === 'title' || name === 'address') return 'string';
  if (name === 'dateFrom' || name === 'dateTo') return 'date';
  if (name === 'patientId' || /[a-z]Id$/.test(name)) return 'reference';
  return 'token';
}

export function capabilityStatement(base: string, date: string): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'ClinikAPI emulator',
    kind: 'instance',
    software: { name: 'ClinikAPI emulator' },
    implementation: { description: 'A local ClinikAPI-compatible server for development and CI', url: `${base}/v1/fhir` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'application/json'],
    patchFormat: ['application/json-patch+json'],
    rest: [
      {
        mode: 'server',
        security: { description: 'Send an API key (clk_test_… or clk_live_…) in the x-api-key header.' },
        resource: RESOURCE_CATALOGUE.map((entry) => ({
          type: entry.resourceType,
          interaction: entry.operations.map((operation) => ({ code: INTERACTIONS[operation] })),
          versioning: 'versioned-update',
          conditionalUpdate: false,
          searchParam: entry.searchParams.filter((name) => name !== 'sort').map((name) => ({ name, type: paramType(name) })),
          ...(entry.resourceType === 'Patient'
            ? {
                searchRevInclude: RESOURCE_CATALOGUE.filter((other) => other.patientLink && other.patientLink !== 'self').map(
                  (other) => `${other.resourceType}:${(other.patientLink as string).split('.')[0]}`,
                ),
                operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }],
              }
            : {}),
        })),
      },
    ],
  };
}
