/**
 * Whose compartment a change touches. A webhook names a record, not its patient, so the record is read once, with
 * the server's key, through the proxy's own transport (same agents, same key routing) — and only its patient link
 * is kept: `recordPatients`, the rule every compartment check uses. The link is remembered for a while, because a
 * deleted record cannot be read, and because a record moved to another patient must also be told to the one it left.
 */
import type { ResourceDefinition, WebhookAction } from '@clinikapi/core';
import { EventEmitter } from 'node:events';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { recordPatients } from '../policy/patient-references.ts';
import type { PreparedKey } from '../upstream/api-key.ts';
import { readAnswer } from '../upstream/read-answer.ts';
import type { UpstreamTransport } from '../upstream/transport.ts';
import type { ExpiringStore } from './memory.ts';

export interface RecordPatients {
  /**
   * The patients a change of this record may be told to on compartment grounds: its one patient (a record naming
   * two belongs to neither, as for reads), and the one it belonged to before when that was someone else. `[]` for a
   * record of no patient; `null` when nobody can tell (an unreadable record never seen before).
   */
  audienceOf(definition: ResourceDefinition, id: string, action: WebhookAction): Promise<readonly string[] | null>;
}

export interface RecordPatientsOptions {
  readonly transport: UpstreamTransport;
  readonly key: PreparedKey;
  readonly responseLimit: number;
  readonly memory: ExpiringStore;
  readonly cacheMs: number;
}

/**
 * The transport serves browsers' requests: it shows the upstream call's headers on the request while it builds the
 * call, and cancels the call when the client goes. A server-side read has neither, so it gets a request that was
 * never sent by anyone and a client that never leaves.
 */
function serverSide(): { req: IncomingMessage; client: EventEmitter & { writableFinished: boolean; destroyed: boolean } } {
  const req = new IncomingMessage(new Socket());
  req.method = 'GET';
  req.url = '/';
  req.push(null);
  return { req, client: Object.assign(new EventEmitter(), { writableFinished: false, destroyed: false }) };
}

const single = (owners: readonly string[] | undefined): string | undefined => (owners?.length === 1 ? owners[0] : undefined);

export function createRecordPatients(options: RecordPatientsOptions): RecordPatients {
  const { transport, key } = options;

  /** The stored record, or undefined when it cannot be had (gone, refused, the upstream down). */
  async function read(definition: ResourceDefinition, id: string): Promise<unknown> {
    try {
      const { req, client } = serverSide();
      const upstream = await transport.open(req, client, {
        target: key.upstream,
        method: 'GET',
        path: `/v1/${definition.path}/${encodeURIComponent(id)}`,
        headers: { accept: 'application/json', ...key.headers },
        body: undefined,
      });
      if (upstream.response.statusCode !== 200) {
        upstream.response.destroy();
        return undefined;
      }
      const { json } = await readAnswer(upstream, options.responseLimit);
      return typeof json === 'object' && json !== null ? (json as { data?: unknown }).data : undefined;
    } catch {
      return undefined;
    }
  }

  /** The record's patients, or undefined when what was read is not a record of this type. */
  function ownersOf(record: unknown, definition: ResourceDefinition): string[] | undefined {
    if (typeof record !== 'object' || record === null) return undefined;
    const type = (record as { resourceType?: unknown }).resourceType;
    if (type !== undefined && type !== definition.resourceType) return undefined;
    return [...recordPatients(record, definition)];
  }

  return {
    async audienceOf(definition, id, action) {
      if (definition.patientLink === null) return [];
      if (definition.patientLink === 'self') return [id];
      const cacheKey = `owners:${definition.path}:${id}`;
      const remembered = await options.memory.get(cacheKey).catch(() => undefined);
      const before = remembered === undefined ? undefined : (JSON.parse(remembered) as string[]);
      const now = action === 'deleted' ? undefined : ownersOf(await read(definition, id), definition);
      if (now !== undefined) await options.memory.set(cacheKey, JSON.stringify(now), options.cacheMs).catch(() => undefined);
      if (now === undefined && before === undefined) return null;
      const audience = new Set<string>();
      const current = single(now ?? before);
      if (current) audience.add(current);
      const former = single(before);
      if (former) audience.add(former);
      return [...audience];
    },
  };
}
