/** Front desk on Cliniko: the clinic's day, booking for any patient, and finding patients. */
import { AppointmentsDay, ClinikoPatientSearch, OnlineBooking } from '@clinikapi/react/cliniko';
import type { DemoUser } from '../auth-api.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { useRoute } from '../router.tsx';
import { Shell } from '../Shell.tsx';
import { useTheme } from '../theme.tsx';
import { CLINIKO_CLINIC } from './clinic.ts';

const NAV = [
  { to: '/', label: 'Day' },
  { to: '/book', label: 'Book' },
  { to: '/patients', label: 'Patients' },
];

export function ClinikoDesk({ user, onSignOut }: { user: DemoUser; onSignOut: () => void }) {
  const theme = useTheme();
  const day = useRoute('/');
  const book = useRoute('/book');
  const patients = useRoute('/patients');
  let page;
  if (day) page = <AppointmentsDay theme={theme} title="The clinic’s day" />;
  else if (book) page = <OnlineBooking theme={theme} />;
  else if (patients) page = <ClinikoPatientSearch theme={theme} />;
  const title = day ? 'Day' : book ? 'Book for a patient' : patients ? 'Patients' : undefined;
  return (
    <Shell brand={CLINIKO_CLINIC} user={user} onSignOut={onSignOut} nav={NAV}>
      {title ? (
        <div className="demo-page">
          <h1>{title}</h1>
          {page}
        </div>
      ) : (
        <NotFoundPage />
      )}
    </Shell>
  );
}
