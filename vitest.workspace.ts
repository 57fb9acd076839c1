/**
 * The test projects. Run them all with `vitest run --config vitest.workspace.ts` (what `npm test` does); one with
 * `--project <name>`.
 */
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './scripts/chromium.ts';
import { sourceResolution } from './scripts/source-conditions.ts';

const nodeProject = (name: string, include: string[], extra: { testTimeout?: number; setupFiles?: string[] } = {}) => ({
  ...sourceResolution,
  test: { name, include, environment: 'node' as const, ...extra },
});

export default defineConfig({
  test: {
    projects: [
      nodeProject('core', ['packages/core/src/**/*.test.ts']),
      nodeProject('emulator', ['packages/emulator/src/**/*.test.ts', 'packages/emulator/test/**/*.test.ts'], {
        testTimeout: 30_000,
      }),
      nodeProject('proxy', ['packages/proxy/src/**/*.test.ts', 'packages/proxy/test/**/*.test.ts'], {
        testTimeout: 30_000,
      }),
      {
        ...sourceResolution,
        plugins: [react()],
        test: {
          name: 'react',
          include: ['packages/react/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['packages/react/src/test/setup.ts'],
          testTimeout: 15_000,
          // Type tests (`*.test-d.tsx`, expectTypeOf) run through tsc as part of this project.
          typecheck: {
            enabled: true,
            include: ['packages/react/src/**/*.test-d.tsx'],
            tsconfig: 'packages/react/tsconfig.type-tests.json',
          },
        },
      },
      {
        ...sourceResolution,
        plugins: [storybookTest({ configDir: '.storybook', storybookScript: 'npm run storybook' })],
        test: {
          name: 'storybook',
          testTimeout: 30_000,
          globalSetup: ['scripts/chromium.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      // One demo server and one Chromium at a time: the suites are heavy for a two-core machine.
      {
        ...sourceResolution,
        test: {
          name: 'e2e',
          include: ['apps/demo/test/**/*.e2e.test.ts'],
          environment: 'node' as const,
          testTimeout: 120_000,
          fileParallelism: false,
          // `expect.poll` waits for what a page shows after a round trip through the demo server and Chromium: its
          // default second is a fraction of what that takes on a loaded two-core machine (Playwright's own waits get 30 s).
          expect: { poll: { timeout: 15_000 } },
        },
      },
      // From where users stand: a fresh clone with the README's commands, and the packed packages in a new app.
      // Each file installs from the registry and starts servers and a browser: one at a time.
      {
        test: {
          name: 'outside',
          include: ['scripts/outside-in/**/*.test.ts'],
          environment: 'node' as const,
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
