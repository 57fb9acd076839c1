/**
 * `clinikapi-emulator … --api cliniko --shard au2`: run one shard's Cliniko emulator, and manage its accounts, users
 * and keys. While a server holds the PGlite data dir the commands go through its admin API (found in the data dir's
 * `admin.json`); otherwise, or with `DATABASE_URL`, they open the database themselves.
 */
import { SHARD_PATTERN } from '@clinikapi/core';
import { parseArgs } from 'node:util';
import { ClinikoAdminError, USER_ROLES, createClinikoAdmin, type UserRole } from '../admin.ts';
import { CliError } from '../../node/cli-admin.ts';
import { readAdminLocation } from '../../node/admin-server.ts';
import { dataDirHolder, lockDataDir } from '../../node/data-dir-lock.ts';
import { clinikoAdminHttpClient, type ClinikoAdminClient } from './admin-client.ts';
import { openClinikoStore } from './database.ts';
import { startClinikoEmulator } from './server.ts';

export const CLINIKO_USAGE = `Cliniko mode (add --api cliniko --shard SHARD to each command; SHARD is e.g. au2, uk1):
  clinikapi-emulator start --api cliniko --shard au2 [--port 4020] [--host 127.0.0.1] [--admin-port 0] [--data-dir DIR]
                     [--double-booking allow|refuse] [--lenient-filters] [--require-user-agent-email] [--control] [--log-requests]
  clinikapi-emulator seed --api cliniko --shard au2 [--account ID]
  clinikapi-emulator accounts create|list --api cliniko --shard au2 [--name NAME] [--time-zone Australia/Melbourne]
  clinikapi-emulator users create|list --api cliniko --shard au2 --account ID [--first-name F --last-name L --email E --role administrator]
  clinikapi-emulator keys create --api cliniko --shard au2 --user ID       (prints the key, once)
  clinikapi-emulator keys list --api cliniko --shard au2 --account ID  |  keys revoke KEY_ID --api cliniko --shard au2
The data dir defaults to .cliniko-emulator/SHARD; DATABASE_URL selects a PostgreSQL server (shards can share it).`;

function fail(message: string): never {
  throw new CliError(message);
}

const OPTIONS = {
  shard: { type: 'string' },
  'data-dir': { type: 'string' },
  port: { type: 'string', default: '4020' },
  host: { type: 'string', default: '127.0.0.1' },
  'admin-port': { type: 'string', default: '0' },
  'double-booking': { type: 'string', default: 'allow' },
  'lenient-filters': { type: 'boolean' },
  'require-user-agent-email': { type: 'boolean' },
  control: { type: 'boolean' },
  'log-requests': { type: 'boolean' },
  account: { type: 'string' },
  user: { type: 'string' },
  name: { type: 'string' },
  'time-zone': { type: 'string' },
  country: { type: 'string' },
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function portOf(value: string, name: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`${name} must be a port number`);
  return port;
}

async function withClinikoAdmin<T>(shard: string, dataDir: string, work: (admin: ClinikoAdminClient) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (!databaseUrl) {
    const holder = dataDirHolder(dataDir);
    if (holder !== undefined) {
      const location = readAdminLocation(dataDir);
      if (!location || location.pid !== holder) fail(`The data dir ${dataDir} is in use by process ${holder}, which serves no admin API`);
      return work(clinikoAdminHttpClient(location.url, location.token));
    }
  }
  const release = databaseUrl ? () => undefined : lockDataDir(dataDir);
  const store = await openClinikoStore({ dataDir, databaseUrl });
  try {
    return await work(createClinikoAdmin(store, shard, Date.now));
  } finally {
    await store.close();
    release();
  }
}

async function start(shard: string, dataDir: string, values: Values): Promise<void> {
  const doubleBooking = values['double-booking'];
  if (doubleBooking !== 'allow' && doubleBooking !== 'refuse') fail('--double-booking must be allow or refuse');
  const running = await startClinikoEmulator({
    shard,
    port: portOf(values.port, '--port'),
    host: values.host,
    dataDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    admin: { port: portOf(values['admin-port'], '--admin-port') },
    behaviour: {
      doubleBooking: doubleBooking as 'allow' | 'refuse',
      strictFilters: !values['lenient-filters'],
      requireUserAgentEmail: values['require-user-agent-email'] === true,
    },
    control: values.control === true,
    ...(values['log-requests'] ? { log: (line: string) => console.error(line) } : {}),
  });
  console.log(`Cliniko emulator (shard ${shard}) listening on ${running.baseUrl}`);
  console.log(`Admin API on ${running.admin?.url} (127.0.0.1 only; token in ${dataDir}/admin.json or CLINIKAPI_ADMIN_TOKEN)`);
  const stop = (): void => {
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function manage(
  command: string,
  subcommand: string | undefined,
  shard: string,
  dataDir: string,
  values: Values,
  positionals: string[],
): Promise<void> {
  const admin = <T>(work: (client: ClinikoAdminClient) => Promise<T>) => withClinikoAdmin(shard, dataDir, work);
  const need = (value: string | undefined, flag: string): string => value ?? fail(`${flag} is required`);
  const action = `${command} ${subcommand ?? ''}`.trim();
  if (action === 'seed') {
    const summary = await admin((client) => client.seed(values.account ? { accountId: values.account } : {}));
    console.error(
      `Seeded account ${summary.accountId} on ${shard}: ${summary.patients} patients, ${summary.appointments} appointments; ` +
        `administrator user ${summary.userIds.administrator}, receptionist user ${summary.userIds.receptionist}.`,
    );
    console.log(summary.accountId);
  } else if (action === 'accounts create') {
    const account = await admin((client) =>
      client.createAccount({
        name: need(values.name, '--name'),
        ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
        ...(values.country ? { country: values.country } : {}),
      }),
    );
    console.log(`${account.id}\t${account.timeZone}\t${account.name}`);
  } else if (action === 'accounts list') {
    for (const account of await admin((client) => client.listAccounts()))
      console.log(`${account.id}\t${account.timeZone}\t${account.name}`);
  } else if (action === 'users create') {
    if (values.role !== undefined && !USER_ROLES.includes(values.role as UserRole)) fail(`--role must be one of ${USER_ROLES.join(', ')}`);
    const user = await admin((client) =>
      client.createUser({
        accountId: need(values.account, '--account'),
        firstName: need(values['first-name'], '--first-name'),
        lastName: need(values['last-name'], '--last-name'),
        email: need(values.email, '--email'),
        ...(values.role ? { role: values.role as UserRole } : {}),
      }),
    );
    console.log(`${user.id}\t${String(user.role)}\t${String(user.email)}`);
  } else if (action === 'users list') {
    for (const user of await admin((client) => client.listUsers(need(values.account, '--account')))) {
      console.log(`${user.id}\t${String(user.role)}\t${String(user.email)}`);
    }
  } else if (action === 'keys create') {
    const { key, record } = await admin((client) => client.createKey({ userId: need(values.user, '--user') }));
    // The key alone on stdout, so `KEY=$(clinikapi-emulator keys create …)` works; the rest on stderr.
    console.error(
      `Created key ${record.id} (${record.hint}) for user ${record.userId} of account ${record.accountId}. It is shown only once.`,
    );
    console.log(key);
  } else if (action === 'keys list') {
    for (const record of await admin((client) => client.listKeys(need(values.account, '--account')))) {
      console.log(`${record.id}\t${record.hint}\tuser ${record.userId}\t${record.revokedAt ? `revoked ${record.revokedAt}` : 'active'}`);
    }
  } else if (action === 'keys revoke') {
    const keyId = positionals[0] ?? fail('Name the key to revoke: keys revoke KEY_ID');
    if (!(await admin((client) => client.revokeKey(keyId)))) fail(`No key ${keyId}`);
    console.error(`Revoked ${keyId}.`);
  } else {
    fail(`Unknown Cliniko command "${action}"`);
  }
}

/** Runs a Cliniko-mode command; `argv` is the command line without `--api cliniko`. */
export async function clinikoMain(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const subcommand = command === 'start' || command === 'seed' ? undefined : rest.shift();
  const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true });
  const shard = values.shard ?? fail('--shard is required in Cliniko mode, e.g. --shard au2');
  if (!SHARD_PATTERN.test(shard)) fail('--shard must be two letters and one or two digits, e.g. au2');
  const dataDir = values['data-dir'] ?? `.cliniko-emulator/${shard}`;
  try {
    if (command === 'start') await start(shard, dataDir, values);
    else await manage(command ?? '', subcommand, shard, dataDir, values, positionals);
  } catch (error) {
    // The admin's refusals are messages for the user, not usage mistakes.
    if (error instanceof ClinikoAdminError) throw new Error(error.message);
    throw error;
  }
}
