/**
 * The emulator for the browser: the same handler over the memory store, for MSW in Storybook and component tests.
 * Nothing here imports PostgreSQL or Node built-ins.
 */
export { createEmulator, type Emulator, type EmulatorOptions } from './emulator.ts';
export { createMemoryStore } from './store/memory.ts';
export { DEMO_PATIENTS } from './seed/demo-patients.ts';
export { seedDemoPatients } from './seed/seed.ts';
export { createBrowserEmulator, type BrowserEmulator } from './browser-emulator.ts';
