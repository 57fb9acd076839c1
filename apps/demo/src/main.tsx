import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@clinikapi/react/styles.css';
import './app.css';
import { App } from './App.tsx';
import { authApi } from './auth-api.ts';

// The demo on Cliniko (`npm start -- --api cliniko`) is another app on the same sign-in, loaded only then.
const ClinikoApp = lazy(() => import('./cliniko/ClinikoApp.tsx').then((module) => ({ default: module.ClinikoApp })));

const root = createRoot(document.getElementById('root') as HTMLElement);
// Which sign-in the server runs decides what wraps the app (and which provider's code loads), so it comes first.
void authApi.config().then(
  (sessionConfig) =>
    root.render(
      <StrictMode>
        {sessionConfig.api === 'cliniko' ? (
          <Suspense fallback={<p className="demo-loading">Loading…</p>}>
            <ClinikoApp sessionConfig={sessionConfig} />
          </Suspense>
        ) : (
          <App sessionConfig={sessionConfig} />
        )}
      </StrictMode>,
    ),
  () =>
    root.render(
      <p role="alert" className="demo-loading">
        The sign-in service is not answering. Reload the page to try again.
      </p>,
    ),
);
