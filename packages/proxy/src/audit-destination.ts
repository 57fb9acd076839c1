/**
 * The default audit destination: pino's synchronous writer, with the records finished in one turn of the event loop
 * written together at the end of that turn.
 *
 * Why: on a loaded server many responses finish in the same turn (one poll of the sockets hands over several
 * upstream answers at once). A write per audit record is a system call per request that a bare proxy does not make.
 * Written at the end of the turn (`setImmediate`: after the poll, before the loop waits for I/O again), a turn's
 * records cost one call: about 6 per write at 32 connections in the bench, where the 4096-byte cap stops them.
 *
 * What it keeps from a write per record: every record reaches the operating system before the server waits for
 * anything, so at low load it is still one write per record and nothing sits in memory between requests. A record
 * is lost only if the process is killed in the very turn its response finished; `process.exit()`, an uncaught
 * exception and a normal exit write what is pending. One write never carries more than 4096 bytes of whole
 * records (a line longer than that goes alone), so lines from processes sharing a pipe never tear into each other
 * (Linux writes up to PIPE_BUF = 4096 bytes to a pipe atomically).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino from 'pino';

/** Linux's PIPE_BUF: a write of up to this many bytes to a pipe is never interleaved with another writer's. */
const MAX_WRITE_BYTES = 4096;

export interface AuditDestinationOptions {
  /** A file descriptor or a file path (appended to; created readable and writable by its owner only). Default 1, stdout. */
  readonly dest?: number | string;
  /** Create the file's directory, readable by its owner only, if it is missing. Default false. */
  readonly mkdir?: boolean;
}

/** A pino destination: `pino(auditDestination())` or `pino(options, auditDestination())`. */
export interface AuditDestination {
  /** pino tells a destination from options by this flag. */
  readonly writable: true;
  /** Takes one serialised record (pino's line, newline included). */
  write(line: string): boolean;
  /** Writes the pending records now. */
  flushSync(): void;
  /** Writes the pending records now; pino's `logger.flush(callback)` calls this. */
  flush(callback?: (error?: Error) => void): void;
  /**
   * Writes the pending records and closes the file (never stdout or stderr); `callback` once it is closed. A record
   * written afterwards throws (the proxy's audit hook swallows it: a logger must not take the server down).
   */
  end(callback?: () => void): void;
}

/** Pending writes of every destination, so an exit writes them even when the turn never ends. */
const pendingOnExit = new Set<() => void>();
let exitHookInstalled = false;

function writeOnExit(flush: () => void): void {
  pendingOnExit.add(flush);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const pending of [...pendingOnExit]) pending();
  });
}

export function auditDestination(options: AuditDestinationOptions = {}): AuditDestination {
  // Audit records say who touched which patient: a file of them is private (0600, in a 0700 folder when created here).
  if (options.mkdir && typeof options.dest === 'string') mkdirSync(dirname(options.dest), { recursive: true, mode: 0o700 });
  const file = pino.destination({ dest: options.dest ?? 1, sync: true, mode: 0o600 });
  let pending = '';
  let pendingBytes = 0;
  let endOfTurnScheduled = false;
  let ended = false;
  let closed = false;
  let warned = false;
  // A failed write (a full disk, a closed descriptor) must not take the server down from a timer callback, nor go
  // unnoticed: one warning, with the error's code only (never a record), and later records are still tried.
  file.on('error', (error: NodeJS.ErrnoException) => {
    if (warned) return;
    warned = true;
    process.emitWarning(`clinikapi proxy: audit records could not be written (${error.code ?? error.name})`, {
      code: 'CLINIKAPI_AUDIT_WRITE_FAILED',
    });
  });

  const flushSync = (): void => {
    pendingOnExit.delete(flushSync);
    if (pendingBytes === 0) return;
    const lines = pending;
    pending = '';
    pendingBytes = 0;
    file.write(lines);
  };
  const endOfTurn = (): void => {
    endOfTurnScheduled = false;
    flushSync();
  };

  return {
    writable: true,
    write(line) {
      if (ended) throw new Error('The audit destination was ended');
      const bytes = Buffer.byteLength(line);
      if (pendingBytes > 0 && pendingBytes + bytes > MAX_WRITE_BYTES) flushSync();
      if (pendingBytes === 0) writeOnExit(flushSync);
      pending += line;
      pendingBytes += bytes;
      if (!endOfTurnScheduled) {
        endOfTurnScheduled = true;
        setImmediate(endOfTurn);
      }
      return true;
    },
    flushSync,
    flush(callback) {
      flushSync();
      callback?.();
    },
    end(callback) {
      if (!ended) {
        ended = true;
        flushSync();
        file.once('close', () => {
          closed = true;
        });
        file.end();
      }
      if (!callback) return;
      if (closed) queueMicrotask(callback);
      else file.once('close', () => callback());
    },
  };
}
