import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';
import { sourceResolution } from '../scripts/source-conditions.ts';

const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.mdx', '../packages/react/src/**/*.stories.@(ts|tsx)', './docs/*.mdx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  // The MSW service worker lives here, so stories answer from the in-browser emulator with no server.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      ...sourceResolution,
      // Declared up front: a dependency discovered mid-run makes Vite reload, and Vitest then loses the test.
      optimizeDeps: {
        include: [
          'react',
          'react-dom/client',
          'react/jsx-runtime',
          'react/jsx-dev-runtime',
          '@tanstack/react-query',
          'hono',
          'zod',
          'msw',
          'msw-storybook-addon/csf3',
          // The theme contrast check (theme-contrast.ts) runs axe itself, after the first story.
          'axe-core',
          // Loaded lazily by VitalsChart: without this, its first import re-optimises mid-run and loads a second React.
          'recharts',
        ],
      },
    }),
};

export default config;
