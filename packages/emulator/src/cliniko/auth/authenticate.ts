/**
 * Cliniko's authentication: HTTP Basic, the key as user name, the password ignored. The key works on its own
 * shard with or without its `-shard` suffix; anything else — no header, another scheme, a malformed or unknown key,
 * a revoked key, a key of another shard, an inactive user — is the same plain 401, so nothing tells a caller that a
 * key exists elsewhere. The key itself is never logged or echoed.
 */
import { accessDenied } from '../errors.ts';
import type { ClinikoAccount, ClinikoKeyRecord, ClinikoStore, StoredRecord } from '../store/types.ts';
import { hashClinikoToken, parseClinikoKey } from './cliniko-key.ts';

export interface Caller {
  readonly key: ClinikoKeyRecord;
  readonly account: ClinikoAccount;
  readonly user: StoredRecord;
}

/** The user name of a Basic `Authorization` header, or undefined. */
export function basicUserName(authorization: string | null): string | undefined {
  const match = authorization && /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(authorization);
  if (!match) return undefined;
  let decoded: string;
  try {
    decoded = atob(match[1] as string);
  } catch {
    return undefined;
  }
  const separator = decoded.indexOf(':');
  return separator === -1 ? decoded : decoded.slice(0, separator);
}

export async function authenticate(headers: Headers, shard: string, store: ClinikoStore): Promise<Caller> {
  const presented = parseClinikoKey(basicUserName(headers.get('authorization')) ?? '');
  if (!presented || (presented.shard !== undefined && presented.shard !== shard)) throw accessDenied();
  const key = await store.findKeyByHash(shard, await hashClinikoToken(presented.token));
  if (!key || key.revokedAt !== null) throw accessDenied();
  const account = await store.findAccount(shard, key.accountId);
  const user = account && (await store.get(account.id, 'users', key.userId));
  if (!account || !user || user.user_active === false) throw accessDenied();
  return { key, account, user };
}
