/**
 * What a stranger writes into their new app, as text: it is type-checked and built by *their* toolchain (the
 * template's TypeScript and Vite, from the registry), never by this repo's.
 */

/** The user the stranger's own login signs in: a clinician, as the custom session below says. */
export const STRANGER_SESSION_COOKIE = { name: 'stranger_session', value: 'dr-okoye' } as const;

/** Replaces the template's `src/App.tsx`; it keeps importing the template's `App.css`, as a user's app would. */
export const APP_TSX = `import { useState } from 'react';
import '@clinikapi/react/styles.css';
import { AppointmentScheduler, ClinikProvider, PatientDashboard, PatientList, VitalsWidget } from '@clinikapi/react';
import './App.css';

function App() {
  const [patientId, setPatientId] = useState<string | undefined>(undefined);
  return (
    <ClinikProvider proxyUrl="/api/clinik">
      <h1>Riverbend clinic</h1>
      <PatientList onSelect={(patient) => setPatientId(patient.id)} selectedPatientId={patientId} height={320} />
      {patientId !== undefined && (
        <>
          <PatientDashboard patientId={patientId} />
          <VitalsWidget patientId={patientId} />
          <AppointmentScheduler patientId={patientId} />
        </>
      )}
    </ClinikProvider>
  );
}

export default App;
`;

/**
 * A fresh Express app: its own login (a cookie naming the user), the proxy mounted in front of the emulator, and the
 * stranger's built web app. Plain JavaScript, so it runs on the lowest Node the packages support without a loader.
 */
export const SERVER_MJS = `import express from 'express';
import { clinikProxy, roles } from '@clinikapi/proxy';

const USERS = { '${STRANGER_SESSION_COOKIE.value}': { id: '${STRANGER_SESSION_COOKIE.value}', roles: ['clinician'] } };

function signedInUser(req) {
  const cookie = (req.headers.cookie ?? '').split(/;\\s*/).find((part) => part.startsWith('${STRANGER_SESSION_COOKIE.name}='));
  return (cookie && USERS[cookie.slice('${STRANGER_SESSION_COOKIE.name}='.length)]) ?? null;
}

const app = express();
app.use(
  '/api/clinik',
  clinikProxy({
    session: signedInUser,
    policy: roles({ clinician: '*' }),
    upstream: process.env.CLINIKAPI_URL,
  }),
);
app.use(express.static(process.env.WEB_DIST));
const server = app.listen(0, '127.0.0.1', () => console.log(\`listening on http://127.0.0.1:\${server.address().port} on Node \${process.version}\`));
`;
