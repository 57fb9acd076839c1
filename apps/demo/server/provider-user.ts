/**
 * A demo user from an identity provider's verified token. Roles and the patient link are read only from claims the
 * provider signed — set from metadata that only the clinic's admins can change — so nobody can give themselves a
 * role or another patient's record. Which claims, and how to set them up: apps/demo/README.md, "Session modes".
 */
import type { ProxyUser } from '@clinikapi/proxy';

export interface ProviderUser extends ProxyUser {
  readonly name: string;
  readonly roles: readonly string[];
  readonly description: string;
  /** For patients: their own Patient record. Without it a patient reaches nothing (the policy fails closed). */
  readonly patientId?: string;
  /** For clinicians: the Practitioner record that stands for them. */
  readonly practitionerId?: string;
}

export interface ClaimNames {
  /** Put before every claim name: Auth0 requires custom claims to be namespaced (`https://clinikapi.dev/roles`). */
  readonly namespace: string;
  /** Says where the user came from, on the screen. */
  readonly description: string;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export function userFromClaims(id: string, claims: Readonly<Record<string, unknown>>, names: ClaimNames): ProviderUser {
  const claim = (name: string) => claims[`${names.namespace}${name}`];
  const roles = claim('roles');
  const patientId = text(claim('patientId'));
  const practitionerId = text(claim('practitionerId'));
  return {
    id,
    name: text(claim('name')) ?? text(claims.name) ?? text(claims.email) ?? id,
    roles: (Array.isArray(roles) ? roles : [roles]).filter((role): role is string => typeof role === 'string' && role !== ''),
    description: names.description,
    ...(patientId ? { patientId } : {}),
    ...(practitionerId ? { practitionerId } : {}),
  };
}

/** What `/auth/me` tells the browser: the same fields as a development-login user. */
export function publicProviderUser(user: ProxyUser) {
  return {
    id: user.id,
    name: text(user.name) ?? user.id,
    roles: user.roles ?? [],
    description: text(user.description) ?? '',
    ...(text(user.patientId) ? { patientId: user.patientId } : {}),
    ...(text(user.practitionerId) ? { practitionerId: user.practitionerId } : {}),
  };
}
