/**
 * The emulators for the browser — ClinikAPI's and Cliniko's — over memory stores, for MSW in Storybook and component
 * tests.
 * Nothing here imports PostgreSQL or Node built-ins.
 */
export { createEmulator, type Emulator, type EmulatorOptions, type EmulatorWebhookOptions } from './emulator.ts';
export type { CreateKeyInput, CreateOrganisationInput, CreatedKey, EmulatorAdmin } from './admin.ts';
export { createMemoryStore } from './store/memory.ts';
/** `@clinikapi/core`'s cast, re-exported: what `seedDemoPatients` and the demo clinic seed create. */
export { DEMO_PATIENTS } from '@clinikapi/core';
export { seedDemoPatients, type SeedTarget } from './seed/seed.ts';
export { createBrowserEmulator, type BrowserEmulator, type BrowserEmulatorOptions } from './browser-emulator.ts';
export { createClinikoEmulator, type ClinikoBehaviour, type ClinikoEmulator, type ClinikoEmulatorOptions } from './cliniko/emulator.ts';
export { createClinikoMemoryStore } from './cliniko/store/memory-store.ts';
export type { ClinikoSeedSummary } from './cliniko/seed/clinic.ts';
export type { SeedSummary } from './seed/demo-clinic.ts';
export {
  createBrowserClinikoEmulator,
  type BrowserClinikoEmulator,
  type BrowserClinikoEmulatorOptions,
} from './cliniko/browser-emulator.ts';
// The vocabulary of what the entry's functions take and answer (stores, admins, webhooks), from the same modules as
// the root entry's: a test that types a fixture imports it from here as well.
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
export type { OutgoingDelivery, WebhookTransport } from './webhooks/dispatcher.ts';
export {
  USER_ROLES,
  type ClinikoAdmin,
  type CreateAccountInput,
  type CreateUserInput,
  type CreatedClinikoKey,
  type UserRole,
} from './cliniko/admin.ts';
export type { AccountSettings, ClinikoAccount, ClinikoKeyRecord, ClinikoStore, ResourceName, StoredRecord } from './cliniko/store/types.ts';
