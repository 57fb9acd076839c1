/**
 * `GET /settings` (roles that may view settings: administrators here, our choice) and `GET /settings/public` (any
 * user): the account's time zone and the online-booking rules `available_times` obeys.
 */
import type { Hono } from 'hono';
import { timeZoneLabel } from '../availability/time-zone.ts';
import { ClinikoError } from '../errors.ts';
import type { ClinikoEnv, RequestScope } from '../http/scope.ts';
import { jsonResponse } from './listing.ts';

function publicSettings(scope: RequestScope): Record<string, unknown> {
  const { account } = scope;
  const { settings } = account;
  return {
    account: {
      id: account.id,
      name: account.name,
      country: account.country,
      time_zone: timeZoneLabel(account.timeZone),
      currency_symbol: settings.currency_symbol,
      subdomain: account.subdomain,
    },
    calendar: { timeslot_size_in_minutes: settings.timeslot_size_in_minutes },
    online_bookings: {
      enabled: settings.online_bookings_enabled,
      max_appointments_per_day_segment: settings.max_appointments_per_day_segment,
      min_hours_advance_required_to_book: settings.min_hours_advance_required_to_book,
      max_days_in_advance: settings.max_days_in_advance,
      policy: null,
      practitioner_order: 'alphabetical',
      show_prices: false,
    },
  };
}

export function mountSettings(app: Hono<ClinikoEnv>): void {
  app.get('/settings/public', (c) =>
    jsonResponse({ ...publicSettings(c.var.scope), links: { self: c.var.scope.links.url('/settings/public') } }),
  );
  app.get('/settings', (c) => {
    const { scope } = c.var;
    if (scope.user.role !== 'administrator') throw new ClinikoError(403, { message: 'Forbidden' });
    return jsonResponse({
      ...publicSettings(scope),
      patient_custom_fields_definition: { sections: [] },
      reminders: { email_enabled: true, sms_enabled: false },
      terminology: { patient: 'Patient', practitioner: 'Practitioner' },
      links: { self: scope.links.url('/settings') },
    });
  });
}
