import { RESOURCE_CATALOGUE } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { INTERACTION_METHOD, type ApiCall, type Interaction } from '../call.ts';
import { clinikapiDialect } from '../protocol/clinikapi-dialect.ts';
import { upstreamCallCount } from './upstream-calls.ts';

const INTERACTIONS: readonly Interaction[] = ['read', 'search', 'create', 'update', 'delete'];
const compartment = { patientId: 'p1' };

describe('upstreamCallCount', () => {
  const cases = RESOURCE_CATALOGUE.flatMap((resource) => INTERACTIONS.map((interaction) => ({ resource, interaction })));
  it.each(cases)('$resource.path $interaction', ({ resource, interaction }) => {
    const call = { method: INTERACTION_METHOD[interaction], interaction, resource, id: 'r1', query: new URLSearchParams() } as ApiCall;
    const linked = resource.patientLink !== null && resource.patientLink !== 'self';
    // Outside a compartment every call is one; inside, a write to a patient's record is read and checked first.
    expect(upstreamCallCount(call, undefined, clinikapiDialect)).toBe(1);
    expect(upstreamCallCount(call, compartment, clinikapiDialect)).toBe(
      linked && (interaction === 'update' || interaction === 'delete') ? 2 : 1,
    );
  });
});
