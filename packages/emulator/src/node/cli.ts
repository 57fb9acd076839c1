/**
 * `clinikapi-emulator start --port 4010 --data-dir .emulator`
 * `clinikapi-emulator keys create --org org_demo --env test --scopes read,write --data-dir .emulator`
 */
import { parseArgs } from 'node:util';
import { createEmulator } from '../emulator.ts';
import { PLANS, type Plan } from '../store/types.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openStore } from './open-store.ts';
import { startEmulator } from './server.ts';

const USAGE = `Usage:
  clinikapi-emulator start [--port 4010] [--host 127.0.0.1] [--data-dir DIR] [--shard uk1]
  clinikapi-emulator keys create --org ORG --env test|live [--scopes read,write] [--plan PLAN] [--data-dir DIR]

The database is PGlite in --data-dir (default .clinikapi-emulator), or the PostgreSQL server in DATABASE_URL.`;

const DEFAULT_DATA_DIR = '.clinikapi-emulator';

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      shard: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got "${values.port}"`);
  if (values.shard !== undefined && !/^[a-z]{2}[0-9]{1,2}$/.test(values.shard)) {
    fail('--shard must be two letters and one or two digits, e.g. uk1');
  }
  const running = await startEmulator({
    port,
    host: values.host,
    dataDir: values['data-dir'],
    databaseUrl: process.env.DATABASE_URL,
    ...(values.shard ? { shard: values.shard } : {}),
  });
  console.log(`ClinikAPI emulator listening on ${running.url}${values.shard ? ` (shard ${values.shard})` : ''}`);
  const stop = (): void => {
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function createKey(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      env: { type: 'string' },
      scopes: { type: 'string', default: '*' },
      plan: { type: 'string', default: 'sandbox' },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      shard: { type: 'string' },
    },
  });
  if (!values.org) fail('--org is required');
  if (values.env !== 'test' && values.env !== 'live') fail('--env must be test or live');
  if (!PLANS.includes(values.plan as Plan)) fail(`--plan must be one of ${PLANS.join(', ')}`);
  const databaseUrl = process.env.DATABASE_URL;
  const release = databaseUrl ? () => undefined : lockDataDir(values['data-dir']);
  const emulator = createEmulator({
    store: await openStore({ dataDir: values['data-dir'], databaseUrl }),
    ...(values.shard ? { shard: values.shard } : {}),
  });
  try {
    await emulator.admin.ensureOrganisation(values.org, { name: values.org, plan: values.plan as Plan });
    const { key, record } = await emulator.admin.createKey({
      organisationId: values.org,
      environment: values.env,
      scopes: values.scopes.split(',').map((scope) => scope.trim()).filter(Boolean),
    });
    // The key goes to stdout alone, so `KEY=$(clinikapi-emulator keys create ...)` works; the rest to stderr.
    console.error(`Created ${record.id} (${record.hint}) for ${values.org}, scopes ${record.scopes.join(',')}. It is shown only once.`);
    console.log(key);
  } finally {
    await emulator.close();
    release();
  }
}

export async function main(argv: string[]): Promise<void> {
  const [command, subcommand, ...rest] = argv;
  if (command === 'start') return start([subcommand, ...rest].filter((arg): arg is string => arg !== undefined));
  if (command === 'keys' && subcommand === 'create') return createKey(rest);
  fail(command === undefined || command === '--help' ? '' : `Unknown command "${argv.join(' ')}"`);
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
