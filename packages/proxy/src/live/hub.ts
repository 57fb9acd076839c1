/**
 * The streams open on this instance, and what they are told. Each change is decided per stream (`audience.ts`),
 * written as one SSE event to those who may learn of it, kept for resumption, and audited once. While any stream is
 * open, a heartbeat keeps idle connections alive through the proxies in between, and every stream's session is
 * checked again: one that has ended, been revoked or now names someone else closes its stream.
 */
import { findResource, type ResourceDefinition } from '@clinikapi/core';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Policy, PolicyDecision } from '../policy/policy.ts';
import { createVisibility, type Visibility } from '../policy/visibility.ts';
import type { ProxyUser } from '../request-context.ts';
import { isProxyUser, type SessionAdapter } from '../session/session.ts';
import { verdictOf } from './audience.ts';
import { changeFrame, type LiveChange } from './change.ts';
import { writeLiveAudit } from './live-audit.ts';
import { createReplayBuffer } from './replay-buffer.ts';

/** A slow reader whose unsent events pass this is cut off; it resumes from its last id when it reconnects. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const HEARTBEAT = ':\n\n';

export interface LiveStream {
  readonly id: string;
  readonly requestId: string;
  readonly req: Request;
  readonly res: Response;
  readonly openedAt: number;
  user: ProxyUser;
  visibility: Visibility;
  /**
   * The policy's decision per resource type, once known: a change is then told to a thousand streams in one pass,
   * without a promise per stream. Emptied when the stream's user (and so its visibility) changes.
   */
  readonly decisions: Map<string, PolicyDecision>;
  delivered: number;
  closed: boolean;
  /** Written on the next flush: every frame of one event-loop turn goes out in one write. */
  pending: string;
}

export interface HubOptions {
  readonly logger: Logger;
  readonly policy: Policy;
  readonly session: SessionAdapter;
  readonly heartbeatMs: number;
  readonly sessionCheckMs: number;
  readonly replaySize: number;
  readonly replayMaxAgeMs: number;
  readonly now: () => number;
}

export interface LiveHub {
  /** Starts telling `stream`; it is removed when its response closes. */
  add(stream: LiveStream): void;
  /** Queues `text` for `stream`, after anything queued before it. */
  send(stream: LiveStream, text: string): void;
  /** Ends a stream, saying why in the audit record. */
  end(stream: LiveStream, reason: string): void;
  /** Streams `userId` holds open on this instance. */
  streamsOf(userId: string): number;
  /** Tells every stream that may learn of it, and keeps it for resumption. */
  deliver(change: LiveChange): void;
  /**
   * Writes what `stream` missed since `lastEventId` (as it was when called: call it after `add`, so nothing falls
   * between the two); `reset` when that id is too old to resume from.
   */
  replay(stream: LiveStream, lastEventId: string): Promise<{ readonly replayed: number; readonly reset: boolean }>;
  /** The newest event's id, for a stream to start from. */
  head(): string | undefined;
}

export function createHub(options: HubOptions): LiveHub {
  const streams = new Set<LiveStream>();
  const perUser = new Map<string, number>();
  const buffer = createReplayBuffer(options.replaySize, options.replayMaxAgeMs);
  let timers: ReturnType<typeof setInterval>[] = [];

  /**
   * Frames are queued and flushed once per event-loop turn: a write is a system call per socket, so the changes of a
   * busy turn go to each subscriber in one. A single change waits no longer than the turn it arrived in.
   */
  const dirty = new Set<LiveStream>();
  let flushQueued = false;

  function flush(): void {
    flushQueued = false;
    for (const stream of dirty) {
      const text = stream.pending;
      stream.pending = '';
      if (stream.closed) continue;
      // A reader this far behind is not keeping up; it resumes from its last id when it reconnects.
      if (stream.res.writableLength > MAX_BUFFERED_BYTES) hub.end(stream, 'too-slow');
      else stream.res.write(text);
    }
    dirty.clear();
  }

  function write(stream: LiveStream, frame: string): void {
    if (stream.closed) return;
    stream.pending += frame;
    dirty.add(stream);
    if (!flushQueued) {
      flushQueued = true;
      setImmediate(flush);
    }
  }

  /** Tells `stream` of `change` when it may learn of it; resolves with whether it was told. */
  /** Tells `stream` of `change` when it may learn of it: at once when its decision for the type is known. */
  function tell(
    stream: LiveStream,
    change: LiveChange,
    definition: ResourceDefinition,
    frames: Map<string, string>,
  ): boolean | Promise<boolean> {
    const known = stream.decisions.get(definition.path);
    if (known) return tellDecided(stream, change, definition, frames, known);
    return stream.visibility(definition).then((decision) => {
      stream.decisions.set(definition.path, decision);
      return tellDecided(stream, change, definition, frames, decision);
    });
  }

  function tellDecided(
    stream: LiveStream,
    change: LiveChange,
    definition: ResourceDefinition,
    frames: Map<string, string>,
    decision: PolicyDecision,
  ): boolean {
    const verdict = verdictOf(decision, definition, change);
    if (verdict === false || stream.closed) return false;
    const key = verdict.join(',');
    let frame = frames.get(key);
    if (frame === undefined) {
      frame = changeFrame(change, definition.resourceType, verdict);
      frames.set(key, frame);
    }
    write(stream, frame);
    stream.delivered += 1;
    return true;
  }

  function audit(change: LiveChange, told: readonly LiveStream[], replay: boolean): void {
    if (told.length === 0) return;
    writeLiveAudit(options.logger, {
      kind: 'delivery',
      eventId: change.eventId,
      resourceType: findResource(change.path)?.resourceType ?? change.path,
      resourceId: change.id,
      action: change.action,
      patientIds: change.patients ?? [],
      userIds: [...new Set(told.map((stream) => stream.user.id))],
      streams: told.length,
      replay,
    });
  }

  /** Asks the session again for every stream; an ended one closes, changed roles are decided afresh. */
  function recheckSessions(): void {
    for (const stream of streams) {
      const recheck = async (): Promise<void> => {
        const result = await options.session.authenticate(stream.req, stream.res);
        if (stream.closed) return;
        const user = result.user;
        if (!user || !isProxyUser(user)) return hub.end(stream, 'session-ended');
        if (user.id !== stream.user.id) return hub.end(stream, 'user-changed');
        if ((user.roles ?? []).join('\n') !== (stream.user.roles ?? []).join('\n')) {
          stream.user = user;
          stream.visibility = createVisibility(options.policy, user);
          stream.decisions.clear();
        }
      };
      // A session that cannot be checked is not trusted to stay open.
      recheck().catch(() => hub.end(stream, 'session-ended'));
    }
  }

  function startTimers(): void {
    const heartbeat = setInterval(() => {
      for (const stream of streams) write(stream, HEARTBEAT);
    }, options.heartbeatMs);
    const sessions = setInterval(recheckSessions, options.sessionCheckMs);
    timers = [heartbeat, sessions];
    for (const timer of timers) timer.unref();
  }

  const hub: LiveHub = {
    send: write,
    add(stream) {
      streams.add(stream);
      perUser.set(stream.user.id, (perUser.get(stream.user.id) ?? 0) + 1);
      if (streams.size === 1) startTimers();
      stream.res.once('close', () => hub.end(stream, 'client-closed'));
    },
    end(stream, reason) {
      if (stream.closed) return;
      stream.closed = true;
      streams.delete(stream);
      const left = (perUser.get(stream.user.id) ?? 1) - 1;
      if (left > 0) perUser.set(stream.user.id, left);
      else perUser.delete(stream.user.id);
      if (streams.size === 0) {
        for (const timer of timers) clearInterval(timer);
        timers = [];
      }
      dirty.delete(stream);
      if (!stream.res.writableEnded) {
        // What was queued goes first; then why, so the client does not simply reconnect into the same refusal.
        const farewell = reason === 'session-ended' || reason === 'user-changed' ? 'event: session-ended\ndata: {}\n\n' : '';
        stream.res.end(`${stream.pending}${farewell}`);
      }
      stream.pending = '';
      writeLiveAudit(options.logger, {
        kind: 'unsubscribe',
        streamId: stream.id,
        userId: stream.user.id,
        reason,
        durationMs: Math.round(options.now() - stream.openedAt),
        delivered: stream.delivered,
      });
    },
    streamsOf: (userId) => perUser.get(userId) ?? 0,
    deliver(change) {
      buffer.push(change);
      const definition = findResource(change.path);
      if (!definition) return;
      const frames = new Map<string, string>();
      const told: LiveStream[] = [];
      const pending: Promise<void>[] = [];
      for (const stream of streams) {
        const outcome = tell(stream, change, definition, frames);
        if (outcome === true) told.push(stream);
        else if (outcome !== false) pending.push(outcome.then((wasTold) => void (wasTold && told.push(stream))));
      }
      if (pending.length === 0) audit(change, told, false);
      else void Promise.all(pending).then(() => audit(change, told, false));
    },
    async replay(stream, lastEventId) {
      const missed = buffer.after(lastEventId, options.now());
      if (!missed) {
        write(stream, 'event: reset\ndata: {}\n\n');
        return { replayed: 0, reset: true };
      }
      let replayed = 0;
      // One at a time, in order: the stream's last id is then always its newest.
      for (const change of missed) {
        const definition = findResource(change.path);
        if (!definition || !(await tell(stream, change, definition, new Map()))) continue;
        replayed += 1;
        audit(change, [stream], true);
      }
      return { replayed, reset: false };
    },
    head: () => buffer.head(),
  };
  return hub;
}
