/**
 * Writes by patients, capped in number and in bytes per window. A patient could otherwise store records as fast as
 * the upstream takes them — 40 intakes of 1 MiB in under three seconds — until their own chart is too large to check
 * and every clinician reading it pulls the lot. A patient write is one the policy confined to a patient compartment
 * (`patientCompartment()`), so the cap needs no list of roles and follows the policy's own decision.
 */
import type { Charge } from './charge.ts';
import { optionsObject, positiveInteger, windowCounter } from './option-checks.ts';
import { memoryWindowCounter, type WindowCounter } from './window-counter.ts';

export interface PatientWritesOptions {
  /** Creates, updates and deletes per patient user per window. Default 30. */
  readonly limit?: number;
  /** Bytes of request bodies per patient user per window. Default 4 MiB. */
  readonly bytes?: number;
  /** Window length in ms. Default one hour. */
  readonly windowMs?: number;
  /** Where the counts live. Default: this process's memory; `redisWindowCounter({...})` to share them between instances. */
  readonly store?: WindowCounter;
}

export interface PatientWrites {
  /** What a write of `bodyBytes` by the user `userId` is charged to. */
  charges(userId: string, bodyBytes: number): Charge[];
}

export function createPatientWrites(value: PatientWritesOptions | false | undefined): PatientWrites | undefined {
  if (value === false) return undefined;
  const options = optionsObject(value, 'patientWrites', '{ limit?, bytes?, windowMs?, store? }') ?? {};
  const limit = positiveInteger(options.limit, 'patientWrites.limit', 30);
  const bytes = positiveInteger(options.bytes, 'patientWrites.bytes', 4 * 1024 * 1024);
  const windowMs = positiveInteger(options.windowMs, 'patientWrites.windowMs', 3_600_000);
  const counter = windowCounter(options.store, 'patientWrites.store', () => memoryWindowCounter());
  return {
    charges(userId, bodyBytes) {
      const count: Charge = { counter, key: `writes:${userId}:count`, amount: 1, limit, windowMs, reason: 'limit:patient-writes' };
      if (bodyBytes === 0) return [count];
      return [
        count,
        { counter, key: `writes:${userId}:bytes`, amount: bodyBytes, limit: bytes, windowMs, reason: 'limit:patient-write-bytes' },
      ];
    },
  };
}
