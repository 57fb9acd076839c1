import { findResource, type ResourceDefinition } from '@clinikapi/core';
import type { Response } from 'express';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AUDIT_MESSAGE, auditRecord, writeAudit } from './audit.ts';
import type { ProxyRequestState } from './request-context.ts';

const observations = findResource('observations') as ResourceDefinition;
const key = `clk_live_${'D'.repeat(32)}`;

function state(): ProxyRequestState {
  return {
    requestId: 'req_1',
    startedAt: performance.now(),
    patientIds: new Set(['p1']),
    user: { id: 'u1', roles: ['patient'], email: 'secret@example.org' },
    call: {
      method: 'GET',
      interaction: 'search',
      resource: observations,
      id: undefined,
      query: new URLSearchParams('patientId=p1&code=hiv-test'),
      body: undefined,
      contentType: undefined,
      action: undefined,
    },
    decision: 'allow',
    reason: 'compartment:search-confined',
    upstream: { environment: 'live', shard: 'uk1', keyFingerprint: 'kfp_0123456789ab', status: 200 },
  };
}
const finished = { headersSent: true, statusCode: 200, writableFinished: true } as Response;

describe('audit records', () => {
  it('carries who, which patient, what, the decision, the upstream and the latency', () => {
    expect(auditRecord(state(), finished)).toMatchObject({
      requestId: 'req_1',
      userId: 'u1',
      roles: ['patient'],
      patientIds: ['p1'],
      interaction: 'search',
      resourceType: 'Observation',
      queryParams: ['patientId', 'code'],
      decision: 'allow',
      status: 200,
      outcome: 'completed',
      upstream: { env: 'live', shard: 'uk1', status: 200 },
      keyFingerprint: 'kfp_0123456789ab',
    });
  });

  it('never logs the key, query values or user claims', () => {
    const lines: string[] = [];
    writeAudit(pino({ base: null }, { write: (line: string) => void lines.push(line) }), state(), finished);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ msg: AUDIT_MESSAGE, level: 30, audit: { requestId: 'req_1', userId: 'u1' } });
    for (const secret of [key, 'hiv-test', 'secret@example.org']) expect(lines[0]).not.toContain(secret);
  });

  it('reports a response that never started as 499 client-aborted, and denials at warn', () => {
    const denied = { ...state(), decision: 'deny' as const };
    expect(auditRecord(denied, { headersSent: false, statusCode: 200, writableFinished: false } as Response)).toMatchObject({
      status: 499,
      outcome: 'client-aborted',
    });
    const lines: string[] = [];
    writeAudit(pino({ base: null }, { write: (line: string) => void lines.push(line) }), denied, {
      headersSent: true,
      statusCode: 403,
      writableFinished: true,
    } as Response);
    expect(JSON.parse(lines[0] ?? '{}').level).toBe(40);
  });
});
