/**
 * The TypeScript examples of the READMEs and guides, as a reader copies them: every ```ts/```tsx block that starts
 * with an `import` is a file of its own, type-checked in the stranger's app against the packed packages. Examples
 * lean on a few things the reader has already (their Express `app`, their `session` and `policy`, a patient's `id`):
 * those, and only those, are declared for them when an example uses one without defining it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeBlocks } from './markdown.ts';

export interface DocSnippet {
  /** `packages-proxy-README-md-26.ts`: where it comes from, as a file name. */
  readonly fileName: string;
  readonly source: string;
  readonly code: string;
}

/** The reader's own things the examples refer to, each with the type it has in their app. */
const GIVEN: Record<string, string> = {
  app: "declare const app: import('express').Express;",
  session: "declare const session: import('@clinikapi/proxy').SessionOption;",
  policy: "declare const policy: import('@clinikapi/proxy').Policy;",
  apiKey: "declare const apiKey: import('@clinikapi/proxy').ApiKeyOption;",
  clinikProxy: "declare const clinikProxy: typeof import('@clinikapi/proxy').clinikProxy;",
  roles: "declare const roles: typeof import('@clinikapi/proxy').roles;",
  upstreams: "declare const upstreams: typeof import('@clinikapi/proxy').upstreams;",
  keyOfClinic: 'declare function keyOfClinic(clinicId: unknown): Promise<string>;',
  queryClient: "declare const queryClient: import('@tanstack/react-query').QueryClient;",
  id: 'declare const id: string;',
  patient: 'declare const patient: { readonly id: string };',
  practitionerId: 'declare const practitionerId: string;',
  toast: 'declare function toast(message: string): void;',
};

/** Where the examples are: the READMEs a user reads first, and the Storybook guides. */
export function documentPaths(root: string): string[] {
  const packages = readdirSync(join(root, 'packages')).map((name) => join('packages', name, 'README.md'));
  const guides = readdirSync(join(root, '.storybook', 'docs'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => join('.storybook', 'docs', name));
  return ['README.md', ...packages, join('apps', 'demo', 'README.md'), ...guides];
}

function defines(code: string, name: string): boolean {
  return (
    new RegExp(`\\bimport\\s+(?:type\\s+)?${name}\\b`).test(code) ||
    new RegExp(`\\bimport\\s+(?:type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}`).test(code) ||
    new RegExp(`\\b(?:const|let|var|function|class)\\s+${name}\\b`).test(code)
  );
}

export function docSnippets(root: string): DocSnippet[] {
  return documentPaths(root).flatMap((path) =>
    codeBlocks(path, readFileSync(join(root, path), 'utf8'))
      .filter((block) => (block.lang === 'ts' || block.lang === 'tsx') && /^import\s/.test(block.body.trimStart()))
      .map((block) => {
        const given = Object.entries(GIVEN)
          .filter(([name]) => new RegExp(`\\b${name}\\b`).test(block.body) && !defines(block.body, name))
          .map(([, declaration]) => declaration);
        return {
          fileName: `${path.replace(/[^A-Za-z0-9]+/g, '-')}-${block.line}.${block.lang}`,
          source: `${path}:${block.line}`,
          code: `${given.length > 0 ? `// The reader's own, used below:\n${given.join('\n')}\n\n` : ''}${block.body}`,
        };
      }),
  );
}

/** Packages that ship no types of their own, and where theirs are. */
const TYPES_OF: Record<string, string> = { express: '@types/express', 'express-session': '@types/express-session' };
/** Entry points of ours whose types come from an optional peer the reader installs with them (the READMEs say so). */
const PEER_OF_ENTRY: Record<string, string> = {
  '@clinikapi/proxy/clerk': '@clerk/express',
  '@clinikapi/proxy/auth0': 'express-oauth2-jwt-bearer',
};

/**
 * What a reader installs from the registry to compile the examples: the bare packages they import (with their
 * types), and the optional peers behind the entry points they use. Never this repo's packages or Node's built-ins.
 */
export function registryPackagesFor(snippets: readonly DocSnippet[]): string[] {
  const names = new Set<string>();
  for (const { code } of snippets) {
    for (const match of code.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)) {
      const specifier = match[1] as string;
      const peer = PEER_OF_ENTRY[specifier];
      if (peer) names.add(peer);
      if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('@clinikapi/')) continue;
      const name = specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
      names.add(name);
      const types = TYPES_OF[name];
      if (types) names.add(types);
    }
  }
  return [...names].sort();
}

/** The compiler options the examples are checked with: a Vite app's, strict. */
export const DOCS_TSCONFIG = {
  compilerOptions: {
    target: 'es2023',
    lib: ['ES2023', 'DOM'],
    module: 'esnext',
    moduleResolution: 'bundler',
    moduleDetection: 'force',
    jsx: 'react-jsx',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node', 'vite/client'],
  },
  include: ['docs-check'],
};
