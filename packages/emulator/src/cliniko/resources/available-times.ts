/**
 * `GET /businesses/:b/practitioners/:p/appointment_types/:t/available_times?from=D&to=D` and
 * `…/next_available_time`. `from`/`to` are local dates in the business's zone (its own, else the account's — our
 * reading of "the account's time zone" for accounts with per-business zones): both required, `to` at most 7 days
 * after `from`, neither before today; otherwise the documented 400 text. Times come back in time order; `sort` is
 * ignored. A business, practitioner or type hidden from online bookings, an inactive practitioner, one who does not
 * work at the business or offer the type, or online bookings switched off: no times (our choice, not a 404).
 */
import { addDays, isIsoDate } from '@clinikapi/core';
import type { Context, Hono } from 'hono';
import { availableStarts, type DailyWindow } from '../availability/compute.ts';
import { occupancyOf } from '../availability/occupancy.ts';
import { localDate } from '../availability/time-zone.ts';
import { invalidTimeFrame } from '../errors.ts';
import { pageLinks, pageOf, pagingOf } from '../http/paging.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import type { StoredRecord } from '../store/types.ts';
import { daysBetween, utcDateTime } from '../time.ts';
import { businessTimeZone } from './businesses.ts';
import { jsonResponse } from './listing.ts';
import { findOr404, pathId } from './records.ts';

const MAX_WINDOW_DAYS = 7;
const BASE = '/businesses/:business_id/practitioners/:practitioner_id/appointment_types/:appointment_type_id';

interface Target {
  readonly business: StoredRecord;
  readonly practitioner: StoredRecord;
  readonly type: StoredRecord;
  readonly zone: string;
  readonly today: string;
}

async function targetOf(c: Context<ClinikoEnv>): Promise<Target> {
  const { scope } = c.var;
  const business = await findOr404(scope, 'businesses', pathId(c, 'business_id'));
  const practitioner = await findOr404(scope, 'practitioners', pathId(c, 'practitioner_id'));
  const type = await findOr404(scope, 'appointment_types', pathId(c, 'appointment_type_id'));
  const zone = businessTimeZone(scope, business);
  return { business, practitioner, type, zone, today: localDate(scope.now, zone) };
}

function bookableOnline(scope: RequestScope, { business, practitioner, type }: Target): boolean {
  return (
    scope.account.settings.online_bookings_enabled &&
    business.show_in_online_bookings === true &&
    !business.archived_at &&
    practitioner.show_in_online_bookings === true &&
    practitioner.active !== false &&
    (practitioner.business_ids as string[] | undefined)?.includes(business.id) === true &&
    type.show_in_online_bookings === true &&
    !type.archived_at &&
    (type.practitioner_ids as string[] | undefined)?.includes(practitioner.id) === true
  );
}

/** The `from`/`to` window, checked as Cliniko checks it. */
function windowOf(url: URL, today: string): { from: string; to: string } {
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  if (!from || !to || !isIsoDate(from) || !isIsoDate(to)) throw invalidTimeFrame();
  const span = daysBetween(from, to);
  if (span < 0 || span > MAX_WINDOW_DAYS || from < today) throw invalidTimeFrame();
  return { from, to };
}

async function startsBetween(scope: RequestScope, target: Target, from: string, to: string): Promise<number[]> {
  if (!bookableOnline(scope, target)) return [];
  const { business, practitioner, type, zone, today } = target;
  const { settings } = scope.account;
  const availabilities = (await scope.store.list(scope.account.id, 'daily_availabilities', practitioner.id)).filter(
    (availability) => availability.business_id === business.id,
  );
  const windows: DailyWindow[] = availabilities.flatMap((availability) =>
    (availability.availabilities as { starts_at: string; ends_at: string }[]).map((window) => ({
      dayOfWeek: Number(availability.day_of_week),
      startsAt: window.starts_at,
      endsAt: window.ends_at,
    })),
  );
  const noticeHours = Math.max(settings.min_hours_advance_required_to_book, Number(type.online_bookings_lead_time_hours ?? 0));
  const duration = Number(type.duration_in_minutes);
  return availableStarts({
    zone,
    from,
    to,
    durationMinutes: duration,
    stepMinutes: scope.behaviour.slotStepMinutes ?? (duration > 0 ? duration : settings.timeslot_size_in_minutes),
    windows,
    occupancy: await occupancyOf(scope.store, scope.account.id, practitioner.id),
    earliestStart: scope.now + noticeHours * 3_600_000,
    lastDate: addDays(today, settings.max_days_in_advance),
    maxPerSegment: settings.max_appointments_per_day_segment,
  });
}

export function mountAvailableTimes(app: Hono<ClinikoEnv>): void {
  app.get(`${BASE}/available_times`, async (c) => {
    const { scope } = c.var;
    const target = await targetOf(c);
    const { from, to } = windowOf(scope.url, target.today);
    const paging = pagingOf(scope.url);
    const starts = await startsBetween(scope, target, from, to);
    return jsonResponse({
      available_times: pageOf(starts, paging).map((start) => ({ appointment_start: utcDateTime(start) })),
      total_entries: starts.length,
      links: pageLinks(scope.url, paging, starts.length),
    });
  });
  app.get(`${BASE}/next_available_time`, async (c) => {
    const { scope } = c.var;
    const target = await targetOf(c);
    // Without from/to (the older docs) the search runs from today as far ahead as online bookings reach.
    const given = scope.url.searchParams.has('from') || scope.url.searchParams.has('to');
    const { from, to } = given
      ? windowOf(scope.url, target.today)
      : { from: target.today, to: addDays(target.today, scope.account.settings.max_days_in_advance) };
    const [first] = await startsBetween(scope, target, from, to);
    const self = { links: { self: scope.url.href } };
    // Nothing free: no `appointment_start` at all (clients test for its absence; the body is undocumented).
    return jsonResponse(first === undefined ? self : { appointment_start: utcDateTime(first), ...self });
  });
}
