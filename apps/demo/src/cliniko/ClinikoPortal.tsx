/**
 * A patient's Cliniko portal: book online for themselves, and their upcoming appointments. The widget offers no one
 * else; the proxy's patient compartment is what guarantees it, whatever the browser sends.
 */
import { OnlineBooking, useClinikoAppointments, useClinikoBusinesses } from '@clinikapi/react/cliniko';
import { useState } from 'react';
import type { DemoUser } from '../auth-api.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { useRoute } from '../router.tsx';
import { Shell } from '../Shell.tsx';
import { useTheme } from '../theme.tsx';
import { CLINIKO_CLINIC } from './clinic.ts';

const NAV = [{ to: '/', label: 'Book and my appointments' }];

export function ClinikoPortal({ user, patientId, onSignOut }: { user: DemoUser; patientId: string; onSignOut: () => void }) {
  const theme = useTheme();
  const home = useRoute('/');
  return (
    <Shell brand={CLINIKO_CLINIC} user={user} onSignOut={onSignOut} nav={NAV}>
      {home ? (
        <div className="demo-page">
          <h1>Book an appointment</h1>
          <OnlineBooking patientId={patientId} theme={theme} title="Book online" />
          <MyAppointments patientId={patientId} />
        </div>
      ) : (
        <NotFoundPage />
      )}
    </Shell>
  );
}

function MyAppointments({ patientId }: { patientId: string }) {
  // From the start of the page's first render: appointments already over are not "upcoming".
  const [since] = useState(() => new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  const appointments = useClinikoAppointments({ patientId, startsFrom: since });
  const list = appointments.data?.individual_appointments ?? [];
  // Shown on the clinic's clock, as the booking was.
  const zone = useClinikoBusinesses().data?.businesses[0]?.time_zone_identifier ?? undefined;
  const when = new Intl.DateTimeFormat(undefined, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' });
  return (
    <section aria-labelledby="my-appointments">
      <h2 id="my-appointments">My upcoming appointments</h2>
      {appointments.isPending && <p role="status">Loading…</p>}
      {appointments.isError && <p role="alert">Your appointments could not be loaded.</p>}
      {appointments.isSuccess && list.length === 0 && <p>None yet.</p>}
      {list.length > 0 && (
        <ul>
          {list.map((appointment) => (
            <li key={appointment.id}>
              {when.format(Date.parse(appointment.starts_at))} ({zone ?? 'your time'})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
