/**
 * Clerk as the demo's sign-in: `clerk()` from `@clinikapi/proxy/clerk` verifies Clerk's session token, from
 * `Authorization: Bearer` or the `__session` cookie. Roles, patient and practitioner come from the session token's
 * custom claims (`roles`, `patientId`, `practitionerId`, `name`), which the session token template fills from the
 * user's public metadata — writable only from Clerk's dashboard or backend, never by the user.
 */
import type { SessionAdapter } from '@clinikapi/proxy';
import { clerk } from '@clinikapi/proxy/clerk';
import { userFromClaims } from './provider-user.ts';
import type { ClerkMode } from './session-mode.ts';

export function clerkSession(mode: ClerkMode, appOrigin: string): SessionAdapter {
  return clerk({
    publishableKey: mode.publishableKey,
    secretKey: mode.secretKey,
    ...(mode.jwtKey ? { jwtKey: mode.jwtKey } : {}),
    // A token minted for another site (its `azp`) is refused.
    authorizedParties: [...(mode.authorizedParties ?? [appOrigin])],
    toUser: (auth) => userFromClaims(auth.userId, auth.sessionClaims, { namespace: '', description: 'Signed in with Clerk' }),
  });
}
