/**
 * Inside this repo, `@clinikapi/*` imports resolve to TypeScript sources through the `@clinikapi/source` export
 * condition, so tests, Storybook and the demo run without a build step. Published consumers never set it.
 */
import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite';

export const SOURCE_CONDITION = '@clinikapi/source';

export const sourceResolution: Pick<UserConfig, 'resolve' | 'ssr'> = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions], externalConditions: [SOURCE_CONDITION] } },
};
