/**
 * The widget themes as a Storybook global: a toolbar switch (light, dark, glass, unstyled) that redraws every story's
 * widgets in the chosen theme, so no story file needs a story per theme. Storybook tests check every theme anyway
 * (see `theme-contrast.ts` and `layout-check.ts`); the switch is for looking.
 */
import type { Decorator, Preview } from '@storybook/react-vite';
import type { CSSProperties } from 'react';

/** What the dark theme is shown on: an app's dark page. */
export const DARK_BACKDROP_COLOUR = '#0b1220';

/** The colours of the gradient glass is shown over (from one corner, through the middle, to the other). */
export const GLASS_BACKDROP_COLOURS = ['#c7f0e8', '#dbe4ff', '#f6d9e8'] as const;

/** What a theme's widgets sit on in a story: glass needs something behind it to be glass. */
export const THEME_BACKDROPS: Readonly<Record<string, CSSProperties>> = {
  dark: { padding: '1rem', background: DARK_BACKDROP_COLOUR },
  glassmorphism: {
    padding: '2rem',
    background: `linear-gradient(135deg, ${GLASS_BACKDROP_COLOURS[0]}, ${GLASS_BACKDROP_COLOURS[1]} 60%, ${GLASS_BACKDROP_COLOURS[2]})`,
  },
};

/** The `theme` global and its toolbar. Unset (the default), each story shows its widgets as its args say. */
export const themeGlobalType = {
  theme: {
    description: 'The theme every widget in the story is drawn in',
    toolbar: {
      title: 'Theme',
      icon: 'paintbrush',
      dynamicTitle: true,
      items: [
        { value: 'light', title: 'Light' },
        { value: 'dark', title: 'Dark' },
        { value: 'glassmorphism', title: 'Glass' },
        { value: 'unstyled', title: 'Unstyled' },
      ],
    },
  },
} satisfies Preview['globalTypes'];

/** Draws the story with the chosen theme (or `unstyled`) as its widget args, on that theme's backdrop. */
export const withTheme: Decorator = (Story, { args, globals }) => {
  const theme = globals.theme as string | undefined;
  if (!theme) return Story();
  const story = Story({ args: theme === 'unstyled' ? { ...args, unstyled: true } : { ...args, theme } });
  const backdrop = THEME_BACKDROPS[theme];
  return backdrop ? <div style={backdrop}>{story}</div> : story;
};
