/** Serves the React app: through Vite's dev middleware (hot reload) in development, prebuilt files in production. */
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_ROOT = join(import.meta.dirname, '..');

export async function mountClientAssets(app: Express, mode: 'development' | 'production'): Promise<() => Promise<void>> {
  if (mode === 'production') {
    const dist = join(DEMO_ROOT, 'dist');
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error('No production build of the demo app: run `npm run build -w @clinikapi/demo` first');
    }
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => res.sendFile(join(dist, 'index.html')));
    return async () => undefined;
  }
  const { createServer } = await import('vite');
  const vite = await createServer({
    root: DEMO_ROOT,
    configFile: join(DEMO_ROOT, 'vite.config.ts'),
    server: { middlewareMode: true, hmr: { port: 0 } },
    appType: 'spa',
    logLevel: 'warn',
  });
  app.use(vite.middlewares);
  return () => vite.close();
}
