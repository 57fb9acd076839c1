/**
 * The `clinikapi-emulator` command: run the server, and manage organisations, keys and demo data (the dashboard
 * stand-in). Management commands work whether or not a server is running on the data dir.
 */
import { ApiError } from '@clinikapi/core';
import { parseArgs } from 'node:util';
import type { KeyEnvironment } from '../auth/api-key.ts';
import { PLANS, type Plan } from '../store/types.ts';
import { CLINIKO_USAGE, clinikoMain } from '../cliniko/node/cli.ts';
import { CliError, withAdmin } from './cli-admin.ts';
import { WEBHOOKS_USAGE, webhooks } from './cli-webhooks.ts';
import { startEmulator } from './server.ts';

const USAGE = `Usage:
  clinikapi-emulator start [--port 4010] [--host 127.0.0.1] [--admin-port 4011] [--data-dir DIR] [--shard uk1]
                           [--allow-loopback-webhooks]
  clinikapi-emulator orgs create --name NAME [--id ID] [--plan PLAN] [--region REGION] [--overage-billing] [--parent ORG]
  clinikapi-emulator orgs list
  clinikapi-emulator keys create --org ORG --env test|live [--scopes read,write] [--plan PLAN] [--expires-at ISO]
  clinikapi-emulator keys list --org ORG
  clinikapi-emulator keys revoke KEY_ID
  clinikapi-emulator seed --org ORG [--env test|live]
${WEBHOOKS_USAGE}

Every command takes --data-dir DIR (default .clinikapi-emulator). The database is PGlite in the data dir, or the
PostgreSQL server in DATABASE_URL. While a server runs on the data dir, the other commands go through its admin
API (127.0.0.1 only; its URL and token are in DIR/admin.json, readable by you only).

${CLINIKO_USAGE}`;

const DEFAULT_DATA_DIR = '.clinikapi-emulator';
const SHARD = /^[a-z]{2}[0-9]{1,2}$/;

function fail(message: string): never {
  throw new CliError(message);
}

const common = { 'data-dir': { type: 'string', default: DEFAULT_DATA_DIR }, shard: { type: 'string' } } as const;

function shardOf(value: string | undefined): string | undefined {
  if (value !== undefined && !SHARD.test(value)) fail('--shard must be two letters and one or two digits, e.g. uk1');
  return value;
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...common,
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'admin-port': { type: 'string', default: '4011' },
      'allow-loopback-webhooks': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  const adminPort = Number(values['admin-port']);
  for (const [name, value] of [
    ['--port', port],
    ['--admin-port', adminPort],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 65535) fail(`${name} must be a port number`);
  }
  const shard = shardOf(values.shard);
  const running = await startEmulator({
    port,
    host: values.host,
    dataDir: values['data-dir'],
    databaseUrl: process.env.DATABASE_URL,
    admin: { port: adminPort },
    webhooks: { allowLoopback: values['allow-loopback-webhooks'] },
    ...(shard ? { shard } : {}),
  });
  console.log(`ClinikAPI emulator listening on ${running.url}${shard ? ` (shard ${shard})` : ''}`);
  console.log(`Admin API on ${running.admin?.url} (127.0.0.1 only; token in ${values['data-dir']}/admin.json or CLINIKAPI_ADMIN_TOKEN)`);
  const stop = (): void => {
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function orgs(subcommand: string | undefined, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...common,
      name: { type: 'string' },
      id: { type: 'string' },
      plan: { type: 'string' },
      region: { type: 'string' },
      'overage-billing': { type: 'boolean' },
      parent: { type: 'string' },
    },
  });
  const target = { dataDir: values['data-dir'], shard: shardOf(values.shard) };
  if (subcommand === 'create') {
    if (!values.name) fail('--name is required');
    if (values.plan !== undefined && !PLANS.includes(values.plan as Plan)) fail(`--plan must be one of ${PLANS.join(', ')}`);
    const organisation = await withAdmin(target, (admin) =>
      admin.createOrganisation({
        name: values.name as string,
        ...(values.id ? { id: values.id } : {}),
        ...(values.plan ? { plan: values.plan as Plan } : {}),
        ...(values.region ? { region: values.region } : {}),
        ...(values['overage-billing'] ? { overageBilling: true } : {}),
        ...(values.parent ? { parentId: values.parent } : {}),
      }),
    );
    console.log(`${organisation.id}\t${organisation.plan}\t${organisation.region}\t${organisation.name}`);
  } else if (subcommand === 'list') {
    for (const organisation of await withAdmin(target, (admin) => admin.listOrganisations())) {
      console.log(`${organisation.id}\t${organisation.plan}\t${organisation.region}\t${organisation.name}`);
    }
  } else {
    fail(`Unknown command "orgs ${subcommand ?? ''}"`);
  }
}

async function keys(subcommand: string | undefined, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...common,
      org: { type: 'string' },
      env: { type: 'string' },
      scopes: { type: 'string', default: '*' },
      plan: { type: 'string', default: 'sandbox' },
      'expires-at': { type: 'string' },
    },
  });
  const target = { dataDir: values['data-dir'], shard: shardOf(values.shard) };
  if (subcommand === 'create') {
    if (!values.org) fail('--org is required');
    if (values.env !== 'test' && values.env !== 'live') fail('--env must be test or live');
    if (!PLANS.includes(values.plan as Plan)) fail(`--plan must be one of ${PLANS.join(', ')}`);
    const organisationId = values.org;
    const { key, record } = await withAdmin(target, async (admin) => {
      await admin.ensureOrganisation(organisationId, { name: organisationId, plan: values.plan as Plan });
      return admin.createKey({
        organisationId,
        environment: values.env as KeyEnvironment,
        scopes: values.scopes
          .split(',')
          .map((scope) => scope.trim())
          .filter(Boolean),
        ...(values['expires-at'] ? { expiresAt: values['expires-at'] } : {}),
      });
    });
    // The key goes to stdout alone, so `KEY=$(clinikapi-emulator keys create ...)` works; the rest to stderr.
    console.error(`Created ${record.id} (${record.hint}) for ${organisationId}, scopes ${record.scopes.join(',')}. It is shown only once.`);
    console.log(key);
  } else if (subcommand === 'list') {
    if (!values.org) fail('--org is required');
    const organisationId = values.org;
    for (const record of await withAdmin(target, (admin) => admin.listKeys(organisationId))) {
      const state = record.revokedAt ? `revoked ${record.revokedAt}` : record.expiresAt ? `expires ${record.expiresAt}` : 'active';
      console.log(`${record.id}\t${record.hint}\t${record.environment}\t${record.scopes.join(',')}\t${state}`);
    }
  } else if (subcommand === 'revoke') {
    const keyId = positionals[0];
    if (!keyId) fail('Name the key to revoke: keys revoke KEY_ID');
    if (!(await withAdmin(target, (admin) => admin.revokeKey(keyId)))) fail(`No key ${keyId}`);
    console.error(`Revoked ${keyId}. Servers that cached it keep accepting it for up to 60 seconds.`);
  } else {
    fail(`Unknown command "keys ${subcommand ?? ''}"`);
  }
}

async function seed(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { ...common, org: { type: 'string' }, env: { type: 'string', default: 'test' } } });
  if (!values.org) fail('--org is required');
  if (values.env !== 'test' && values.env !== 'live') fail('--env must be test or live');
  const organisationId = values.org;
  const summary = await withAdmin({ dataDir: values['data-dir'], shard: shardOf(values.shard) }, (admin) =>
    admin.seedDemoData(organisationId, values.env as KeyEnvironment),
  );
  console.error(`Seeded ${summary.patients} patients and ${summary.records} other records into ${organisationId} (${values.env}).`);
}

/** Which API a command is for (`--api clinikapi`, the default, or `--api cliniko`), and the arguments without it. */
function apiOf(argv: string[]): { api: string; args: string[] } {
  const at = argv.findIndex((arg) => arg === '--api' || arg.startsWith('--api='));
  if (at === -1) return { api: 'clinikapi', args: argv };
  const inline = argv[at]?.startsWith('--api=');
  const api = inline ? (argv[at] as string).slice('--api='.length) : (argv[at + 1] ?? '');
  return { api, args: argv.filter((_, index) => index !== at && (inline || index !== at + 1)) };
}

export async function main(argv: string[]): Promise<void> {
  const { api, args } = apiOf(argv);
  if (api === 'cliniko') return clinikoMain(args);
  if (api !== 'clinikapi') fail('--api must be clinikapi or cliniko');
  const [command, subcommand, ...rest] = args;
  if (command === 'start') return start([subcommand, ...rest].filter((arg): arg is string => arg !== undefined));
  if (command === 'orgs') return orgs(subcommand, rest);
  if (command === 'keys') return keys(subcommand, rest);
  if (command === 'seed') return seed([subcommand, ...rest].filter((arg): arg is string => arg !== undefined));
  if (command === 'webhooks') return webhooks(subcommand, rest, common);
  if (command === '--help' || command === '-h' || command === 'help') return console.log(USAGE);
  fail(command === undefined ? '' : `Unknown command "${args.join(' ')}"`);
}

/** Runs the command and exits: 2 with the usage for a usage mistake, 1 with a message for a failure. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await main(argv);
  } catch (error) {
    if (error instanceof CliError || (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      process.exit(2);
    }
    if (error instanceof ApiError) console.error([error.message, ...error.issues.map((issue) => issue.diagnostics)].join('; '));
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

if (import.meta.main) void runCli(process.argv.slice(2));
