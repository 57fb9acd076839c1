/**
 * Auth0 as the demo's sign-in: `auth0()` from `@clinikapi/proxy/auth0` verifies the access token in
 * `Authorization: Bearer` against the tenant's signing keys. Roles, patient and practitioner come from namespaced
 * claims (`https://clinikapi.dev/roles`, `…/patientId`, `…/practitionerId`, `…/name`) that a post-login Action adds
 * from the user's roles and app_metadata — which users cannot edit, unlike user_metadata.
 */
import type { SessionAdapter } from '@clinikapi/proxy';
import { auth0 } from '@clinikapi/proxy/auth0';
import { userFromClaims } from './provider-user.ts';
import type { Auth0Mode } from './session-mode.ts';

export const AUTH0_CLAIMS_NAMESPACE = 'https://clinikapi.dev/';

export function auth0Session(mode: Auth0Mode): SessionAdapter {
  return auth0({
    issuerBaseURL: mode.issuerBaseURL,
    audience: mode.audience,
    toUser: (payload) =>
      typeof payload.sub === 'string'
        ? userFromClaims(payload.sub, payload, { namespace: AUTH0_CLAIMS_NAMESPACE, description: 'Signed in with Auth0' })
        : null,
  });
}
