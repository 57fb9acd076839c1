import { spawnSync } from 'node:child_process';
import fs, { mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditDestination } from './audit-destination.ts';

const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));
const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
const FIXTURE = join(import.meta.dirname, '../test/fixtures/audit-then-exit.ts');

let dir: string;
let file: string;
/** The strings the destination handed the operating system, one per write(2). */
let writes: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clinik-audit-'));
  file = join(dir, 'audit.ndjson');
  writes = [];
  const writeSync = fs.writeSync;
  vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: string, ...rest: never[]) => {
    if (typeof data === 'string' && data.includes('"msg"')) writes.push(data);
    return writeSync(fd, data, ...rest);
  }) as typeof fs.writeSync);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('auditDestination', () => {
  it('writes the records finished in one turn together, in order, when the turn ends', async () => {
    const logger = pino(auditDestination({ dest: file }));
    for (const n of [1, 2, 3]) logger.info({ audit: { n } }, 'record');
    expect(readFileSync(file, 'utf8')).toBe('');
    await endOfTurn();
    expect(linesOf(file).map((line) => (JSON.parse(line) as { audit: { n: number } }).audit.n)).toEqual([1, 2, 3]);
    expect(writes).toHaveLength(1);
  });

  it('joins records from separate callbacks of the same turn, as responses finishing in one poll are', async () => {
    const logger = pino(auditDestination({ dest: file }));
    // Two callbacks of one check phase (queued together, microtasks drained between them), like two socket events of
    // one poll. Two timers would not do: under load the second can fall due a loop iteration after the first.
    await new Promise<void>((resolve) => {
      setImmediate(() => logger.info({ audit: { n: 1 } }, 'record'));
      setImmediate(() => {
        logger.info({ audit: { n: 2 } }, 'record');
        setImmediate(() => setImmediate(resolve));
      });
    });
    expect(linesOf(file)).toHaveLength(2);
    expect(writes).toHaveLength(1);
  });

  it('writes a record on its own when it is the only one of its turn', async () => {
    const logger = pino(auditDestination({ dest: file }));
    logger.info({ audit: { n: 1 } }, 'record');
    await endOfTurn();
    logger.info({ audit: { n: 2 } }, 'record');
    await endOfTurn();
    expect(linesOf(file)).toHaveLength(2);
    expect(writes).toHaveLength(2);
  });

  it('never hands the system more than 4096 bytes of whole lines at once; a longer line goes alone', async () => {
    const logger = pino(auditDestination({ dest: file }));
    for (let n = 0; n < 12; n += 1) logger.info({ audit: { n, filler: 'x'.repeat(900) } }, 'record');
    logger.info({ audit: { n: 12, filler: 'y'.repeat(6000) } }, 'record');
    logger.info({ audit: { n: 13 } }, 'record');
    await endOfTurn();
    expect(linesOf(file).map((line) => (JSON.parse(line) as { audit: { n: number } }).audit.n)).toEqual([...Array(14).keys()]);
    expect(writes.length).toBeGreaterThan(3);
    for (const data of writes) expect(data.endsWith('\n')).toBe(true);
    const long = writes.find((data) => data.includes('yyy')) as string;
    expect(long.split('\n').filter(Boolean)).toHaveLength(1);
    for (const data of writes.filter((written) => written !== long)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(4096);
  });

  it('writes at once on pino’s flush', () => {
    const logger = pino(auditDestination({ dest: file }));
    logger.info({ audit: { n: 1 } }, 'record');
    const done = vi.fn();
    logger.flush(done);
    expect(linesOf(file)).toHaveLength(1);
    expect(done).toHaveBeenCalledOnce();
  });

  it.each([
    ['process.exit()', 'exit', 0],
    ['an uncaught exception', 'throw', 1],
  ])('keeps the records of the last turn when the process leaves by %s', (_how, mode, status) => {
    const child = spawnSync(process.execPath, ['--conditions=@clinikapi/source', FIXTURE, file, mode], { encoding: 'utf8' });
    expect(child.status).toBe(status);
    expect(linesOf(file).map((line) => (JSON.parse(line) as { audit: { n: number } }).audit.n)).toEqual([1, 2, 3]);
  });

  it('reports a failing write once, by its error code, without throwing or naming a record', async () => {
    const fd = openSync(file, 'a');
    const logger = pino(auditDestination({ dest: fd }));
    closeSync(fd);
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      logger.info({ audit: { userId: 'user_secret_1' } }, 'record');
      await endOfTurn();
      logger.info({ audit: { userId: 'user_secret_2' } }, 'record');
      // process.emitWarning emits on the next tick, long past by the end of the turn.
      await endOfTurn();
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((warning) => [(warning as NodeJS.ErrnoException).code, warning.message])).toEqual([
      ['CLINIKAPI_AUDIT_WRITE_FAILED', 'clinikapi proxy: audit records could not be written (EBADF)'],
    ]);
  });

  it('end() writes what is pending, closes the file, and refuses later records', async () => {
    const destination = auditDestination({ dest: join(dir, 'new', 'audit.ndjson'), mkdir: true });
    const logger = pino(destination);
    logger.info({ audit: { n: 1 } }, 'record');
    await new Promise<void>((resolve) => destination.end(resolve));
    expect(linesOf(join(dir, 'new', 'audit.ndjson'))).toHaveLength(1);
    expect(() => logger.info({ audit: { n: 2 } }, 'record')).toThrow('The audit destination was ended');
    // A second end() still calls back.
    await new Promise<void>((resolve) => destination.end(resolve));
  });

  it('creates the file readable by its owner only, and the folders it creates likewise', async () => {
    const nested = join(dir, 'logs', 'proxy', 'audit.ndjson');
    const destination = auditDestination({ dest: nested, mkdir: true });
    pino(destination).info({ audit: { n: 1 } }, 'record');
    await new Promise<void>((resolve) => destination.end(resolve));
    const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
    expect([modeOf(nested), modeOf(join(dir, 'logs', 'proxy')), modeOf(join(dir, 'logs'))]).toEqual(['600', '700', '700']);
  });
});
