/** Locally minted JWTs for the session tests: valid ones, and every classic way of forging one. */
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type JWTPayload, type CryptoKey } from 'jose';

export interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** PEM of the public key (Clerk's `jwtKey`). */
  readonly spki: string;
  /** JWK of the public key, for a JWKS document. */
  readonly jwk: Record<string, unknown>;
  readonly kid: string;
}

export async function signingKey(kid = 'test-key-1'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    privateKey,
    publicKey,
    spki: await exportSPKI(publicKey),
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
    kid,
  };
}

export const now = (): number => Math.floor(Date.now() / 1000);

export async function sign(key: SigningKey, payload: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT', ...header }).sign(key.privateKey);
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** `alg: none`: a token with no signature at all. */
export function unsigned(payload: JWTPayload, kid: string): string {
  return `${base64url({ alg: 'none', typ: 'JWT', kid })}.${base64url(payload)}.`;
}

/** A valid token whose payload was edited after signing (here: another subject). */
export function tampered(token: string, changes: JWTPayload): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = { ...(JSON.parse(Buffer.from(payload, 'base64url').toString()) as JWTPayload), ...changes };
  return `${header}.${base64url(claims)}.${signature}`;
}

/** HS/RS confusion: HS256 "signed" with the public key as the shared secret. */
export async function hmacWithPublicKey(key: SigningKey, payload: JWTPayload): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'JWT' }).sign(new TextEncoder().encode(key.spki));
}
