/** `clinikapi-emulator webhooks …`: register endpoints, list them and their deliveries, remove them. */
import { parseArgs } from 'node:util';
import { CliError, withAdmin } from './cli-admin.ts';

export const WEBHOOKS_USAGE = `  clinikapi-emulator webhooks create --org ORG --url URL [--events patient.*,lab.created] [--env live|test|both]
                                     [--sub-org ORG] [--secret SECRET] [--allow-loopback]
  clinikapi-emulator webhooks list --org ORG
  clinikapi-emulator webhooks deliveries WEBHOOK_ID [--limit 50]
  clinikapi-emulator webhooks delete WEBHOOK_ID`;

function fail(message: string): never {
  throw new CliError(message);
}

export async function webhooks(
  subcommand: string | undefined,
  args: string[],
  common: { readonly 'data-dir': { type: 'string'; default: string }; readonly shard: { type: 'string' } },
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...common,
      org: { type: 'string' },
      url: { type: 'string' },
      events: { type: 'string' },
      env: { type: 'string' },
      'sub-org': { type: 'string' },
      secret: { type: 'string' },
      limit: { type: 'string', default: '50' },
      'allow-loopback': { type: 'boolean', default: false },
    },
  });
  const target = { dataDir: values['data-dir'], shard: values.shard, allowLoopback: values['allow-loopback'] };
  if (subcommand === 'create') {
    if (!values.org) fail('--org is required');
    if (!values.url) fail('--url is required');
    if (values.env !== undefined && !['live', 'test', 'both'].includes(values.env)) fail('--env must be live, test or both');
    const { secret, webhook } = await withAdmin(target, (admin) =>
      admin.createWebhook({
        organisationId: values.org as string,
        url: values.url as string,
        ...(values.events
          ? {
              events: values.events
                .split(',')
                .map((pattern) => pattern.trim())
                .filter(Boolean),
            }
          : {}),
        ...(values.env ? { environment: values.env as 'live' | 'test' | 'both' } : {}),
        ...(values['sub-org'] ? { subOrganisationId: values['sub-org'] } : {}),
        ...(values.secret ? { secret: values.secret } : {}),
      }),
    );
    // The secret goes to stdout alone, so `SECRET=$(clinikapi-emulator webhooks create ...)` works; the rest to stderr.
    console.error(
      `Created ${webhook.id} for ${webhook.organisationId}: ${webhook.url} (${webhook.events.join(',')}, ${webhook.environment}). The secret is shown only once.`,
    );
    console.log(secret);
  } else if (subcommand === 'list') {
    if (!values.org) fail('--org is required');
    const organisationId = values.org;
    for (const webhook of await withAdmin(target, (admin) => admin.listWebhooks(organisationId))) {
      console.log(
        [webhook.id, webhook.url, webhook.events.join(','), webhook.environment, webhook.subOrganisationId ?? '-', webhook.secretHint].join(
          '\t',
        ),
      );
    }
  } else if (subcommand === 'deliveries') {
    const webhookId = positionals[0];
    if (!webhookId) fail('Name the webhook: webhooks deliveries WEBHOOK_ID');
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) fail('--limit must be a whole number from 1');
    for (const delivery of await withAdmin(target, (admin) => admin.listDeliveries(webhookId, limit))) {
      console.log(
        [
          delivery.eventId,
          delivery.event,
          delivery.status,
          `attempts ${delivery.attempts}`,
          delivery.lastStatus ?? '-',
          delivery.lastError ?? '-',
          delivery.updatedAt,
        ].join('\t'),
      );
    }
  } else if (subcommand === 'delete') {
    const webhookId = positionals[0];
    if (!webhookId) fail('Name the webhook: webhooks delete WEBHOOK_ID');
    if (!(await withAdmin(target, (admin) => admin.deleteWebhook(webhookId)))) fail(`No webhook ${webhookId}`);
    console.error(`Deleted ${webhookId} and its pending deliveries.`);
  } else {
    fail(`Unknown command "webhooks ${subcommand ?? ''}"`);
  }
}
