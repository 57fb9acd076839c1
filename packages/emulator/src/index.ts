export { createEmulator, type Emulator, type EmulatorOptions, type EmulatorWebhookOptions } from './emulator.ts';
export type { CreateKeyInput, CreateOrganisationInput, CreatedKey, EmulatorAdmin } from './admin.ts';
export type { SeedSummary } from './seed/demo-clinic.ts';
export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from './node/server.ts';
export type { AdminServerOptions } from './node/admin-server.ts';
export { openStore, type StoreLocation } from './node/open-store.ts';
export { createMemoryStore } from './store/memory.ts';
export type {
  ApiKeyRecord,
  BulkJob,
  DeliveryStatus,
  DeliveryUpdate,
  EmulatorStore,
  IdempotencyRecord,
  InsertOptions,
  InsertOutcome,
  KeyWithOrganisation,
  Organisation,
  Plan,
  ResourceKey,
  SearchFilter,
  SearchRequest,
  SearchResult,
  SearchScope,
  SortKey,
  StoredResource,
  StoredResponse,
  WebhookDelivery,
  WebhookEnvironmentFilter,
  WebhookRecord,
  WebhookStore,
  WriteOutcome,
} from './store/types.ts';
export type { CreateWebhookInput, CreatedWebhook, WebhookAdmin, WebhookView } from './webhooks/registrations.ts';
export { RETRY_DELAYS_MS, type OutgoingDelivery, type WebhookTransport } from './webhooks/dispatcher.ts';
export { nodeWebhookTransport } from './node/webhook-transport.ts';
export { KEY_CACHE_TTL_MS } from './auth/key-cache.ts';
export { REQUESTS_PER_MINUTE } from './http/rate-limit.ts';
export { parseApiKey, type KeyEnvironment, type ParsedApiKey } from './auth/api-key.ts';
/** `@clinikapi/core`'s cast, re-exported: what `seedDemoPatients` and the demo clinic seed create. */
export { DEMO_PATIENTS } from '@clinikapi/core';
export { seedDemoPatients, type SeedTarget } from './seed/seed.ts';
export { startClinikoEmulator, type RunningClinikoEmulator, type StartClinikoEmulatorOptions } from './cliniko/node/server.ts';
export { createClinikoEmulator, type ClinikoBehaviour, type ClinikoEmulator, type ClinikoEmulatorOptions } from './cliniko/emulator.ts';
export {
  USER_ROLES,
  type ClinikoAdmin,
  type CreateAccountInput,
  type CreateUserInput,
  type CreatedClinikoKey,
  type UserRole,
} from './cliniko/admin.ts';
export type { AccountSettings, ClinikoAccount, ClinikoKeyRecord, ClinikoStore, ResourceName, StoredRecord } from './cliniko/store/types.ts';
export type { ClinikoSeedSummary } from './cliniko/seed/clinic.ts';
export { openClinikoStore, type ClinikoDatabaseLocation } from './cliniko/node/database.ts';
