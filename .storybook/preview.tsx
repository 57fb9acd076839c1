import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure, expect } from 'storybook/test';
import { layoutProblemsEverywhere } from './layout-check.ts';
import { contrastProblemsInThemes } from './theme-contrast.ts';
import { themeGlobalType, withTheme } from './themes.tsx';
import { ClinikProvider } from '../packages/react/src/provider/ClinikProvider.tsx';
import { emulatorHandlers, STORY_PROXY_URL } from './emulator.ts';
import '../packages/react/src/styles/index.css';

/** A fresh cache per story, without retries, so every story shows its own state at once. */
// Stories run as tests on a shared 2-core CI machine: give findBy* the patience a busy machine needs (a real
// failure still fails, just later).
configure({ asyncUtilTimeout: 8000 });

// `parameters.access`: what the story's user may do, as an app passes it to the provider (see ClinikProvider).
const withClinikProvider: Decorator = (Story, { parameters }) => (
  <ClinikProvider
    proxyUrl={STORY_PROXY_URL}
    queryClient={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}
    access={parameters.access}
  >
    <Story />
  </ClinikProvider>
);

const preview: Preview = {
  loaders: [mswLoader()],
  // Every story starts on a fresh in-page emulator; a story's own beforeEach can add handlers that win over it.
  beforeEach({ msw, parameters }) {
    msw.use(...emulatorHandlers({ seed: parameters.emulator?.seed ?? true }));
  },
  decorators: [withClinikProvider, withTheme],
  globalTypes: themeGlobalType,
  // Every story, in the state its play function leaves it: clean at every width and theme (layout-check.ts), and
  // readable in every theme (theme-contrast.ts) — so no story file needs a story per theme. An unstyled widget has
  // no layout or colours of its own (the app gives it those), so there is nothing of ours to measure.
  async afterEach({ args, globals, canvasElement }) {
    if ((args as { unstyled?: boolean }).unstyled || globals.theme === 'unstyled') return;
    await expect(await layoutProblemsEverywhere()).toEqual([]);
    await expect(await contrastProblemsInThemes(canvasElement)).toEqual([]);
  },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
