import { WIDGET_ACTIONS, type WidgetAction } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { type ProxyError } from '../errors.ts';
import { resolveActionCall } from './widget-actions.ts';

const body = (value: unknown) => ({ value, contentType: 'application/json' });
const failure = (run: () => unknown): ProxyError => {
  try {
    run();
  } catch (error) {
    return error as ProxyError;
  }
  throw new Error('expected a throw');
};

describe('resolveActionCall', () => {
  it.each(Object.keys(WIDGET_ACTIONS) as WidgetAction[])('translates %s to its REST call', (action) => {
    const route = WIDGET_ACTIONS[action];
    const data = route.byId ? { id: 'rec-1', status: 'x' } : { patientId: 'p1', status: 'x' };
    const call = resolveActionCall(new URLSearchParams(), body({ action, data }));
    expect(call).toMatchObject({ method: route.method, action, id: route.byId ? 'rec-1' : undefined });
    expect(call.resource.path).toBe(route.path);
    if (route.method === 'GET') expect(call.body).toBeUndefined();
    if (route.method === 'PATCH') expect(call.body).toEqual({ status: 'x' });
    if (route.method === 'POST') expect(call.body).toEqual(data);
  });

  it('covers all 17 actions, medications.create included', () => {
    expect(Object.keys(WIDGET_ACTIONS)).toHaveLength(17);
    expect(resolveActionCall(new URLSearchParams(), body({ action: 'medications.create', data: { code: 'x' } })).resource.path).toBe(
      'medications',
    );
  });

  it('maps patients.read include to _revinclude', () => {
    const call = resolveActionCall(
      new URLSearchParams(),
      body({ action: 'patients.read', data: { id: 'p1', include: ['Encounter:subject'] } }),
    );
    expect(call.query.getAll('_revinclude')).toEqual(['Encounter:subject']);
  });

  it.each([
    [{ action: 'patients.delete', data: {} }, 'action:unknown'],
    [{ action: 'toString', data: {} }, 'action:unknown'],
    [{ action: '__proto__', data: {} }, 'action:unknown'],
    [{ data: {} }, 'action:unknown'],
    [{ action: 'patients.read', data: { id: '../x' } }, 'action:invalid-id'],
    [{ action: 'patients.update', data: { id: 'p1' } }, 'action:empty-update'],
    [{ action: 'patients.create', data: [1] }, 'action:shape'],
    [[1, 2], 'action:shape'],
  ])('refuses %j with 400', (value, reason) => {
    const error = failure(() => resolveActionCall(new URLSearchParams(), body(value)));
    expect(error.status).toBe(400);
    expect(error.reason).toBe(reason);
  });
});
