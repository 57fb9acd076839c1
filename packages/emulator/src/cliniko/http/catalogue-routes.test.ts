/**
 * Core's Cliniko catalogue (what the proxy carries) against the routes this emulator serves: every carried route is
 * served here, so the table names nothing imaginary, and every route served here is carried or deliberately not.
 */
import { CLINIKO_ROUTES } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { v1Routes } from './app.ts';

/** `/patients/:id/appointments` and `/patients/{patient_id}/appointments` alike become `/patients/:/appointments`. */
const shape = (method: string, path: string) => `${method} ${path.replace(/\{[a-z_]+\}|:[a-z_]+/g, ':')}`;

/** Served here, not carried by the proxy: the 2022 docs' `PUT` (the proxy sends `PATCH`) and availability's inputs. */
const NOT_CARRIED = /^(?:PUT .*|GET \/(?:(?:businesses|practitioners)\/:\/)?(?:daily_availabilities|unavailable_blocks)(?:\/:)?)$/;

describe('the Cliniko catalogue and the emulator', () => {
  const served = new Set(v1Routes().routes.map((route) => shape(route.method, route.path)));
  const carried = new Set(CLINIKO_ROUTES.map((route) => shape(route.method, route.path)));

  it('serves every carried route', () => {
    expect([...carried].filter((route) => !served.has(route))).toEqual([]);
  });

  it('carries every served route but the ones left out on purpose', () => {
    const left = [...served].filter((route) => !carried.has(route));
    expect(left.filter((route) => !NOT_CARRIED.test(route))).toEqual([]);
    expect(left.length).toBeGreaterThan(0);
  });
});
