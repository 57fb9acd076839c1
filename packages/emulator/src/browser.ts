/**
 * The emulators for the browser — ClinikAPI's and Cliniko's — over memory stores, for MSW in Storybook and component
 * tests.
 * Nothing here imports PostgreSQL or Node built-ins.
 */
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator.ts';
export { createMemoryStore } from './store/memory.ts';
/** `@clinikapi/core`'s cast, re-exported: what `seedDemoPatients` and the demo clinic seed create. */
export { DEMO_PATIENTS } from '@clinikapi/core';
export { seedDemoPatients } from './seed/seed.ts';
export { createBrowserEmulator, type BrowserEmulator } from './browser-emulator.ts';
export { createClinikoEmulator, type ClinikoBehaviour, type ClinikoEmulator, type ClinikoEmulatorOptions } from './cliniko/emulator.ts';
export { createClinikoMemoryStore } from './cliniko/store/memory-store.ts';
export type { ClinikoSeedSummary } from './cliniko/seed/clinic.ts';
export {
  createBrowserClinikoEmulator,
  type BrowserClinikoEmulator,
  type BrowserClinikoEmulatorOptions,
} from './cliniko/browser-emulator.ts';
