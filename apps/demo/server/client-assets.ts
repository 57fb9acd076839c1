/**
 * Serves the React app: through Vite's dev middleware (hot reload) in development, prebuilt files in production.
 * Either way only the app: no dotfile, nothing outside the built `dist` or the app's sources (served-sources.ts).
 */
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { devRequestFilter, isPageRoute } from './request-filter.ts';
import { APP_ENTRY, APP_SOURCE_DIRS, DEMO_ROOT, VITE_DEPS_DIR } from './served-sources.ts';

/**
 * Mounts the app on `app`. `server` is the HTTP server `app` will listen on: in development Vite's hot-reload socket
 * shares it, so one port serves everything (a second port can be taken, or unreachable from the browser).
 */
export async function mountClientAssets(app: Express, server: Server, mode: 'development' | 'production'): Promise<() => Promise<void>> {
  if (mode === 'production') {
    const dist = join(DEMO_ROOT, 'dist');
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error('No production build of the demo app: run `npm run build -w @clinikapi/demo` first');
    }
    app.use(express.static(dist, { index: false, maxAge: '1h', dotfiles: 'deny' }));
    // The app's routes get its page; any other path names a file that is not in the build.
    app.get('/{*path}', (req, res) => {
      if (isPageRoute(req.path)) res.sendFile(join(dist, 'index.html'));
      else res.status(404).type('text/plain').send('Not found');
    });
    return async () => undefined;
  }
  const { createServer } = await import('vite');
  const vite = await createServer({
    root: DEMO_ROOT,
    configFile: join(DEMO_ROOT, 'vite.config.ts'),
    server: { middlewareMode: true, ws: { server } },
    appType: 'spa',
    logLevel: 'warn',
  });
  app.use(devRequestFilter({ root: DEMO_ROOT, entry: APP_ENTRY, sourceDirs: APP_SOURCE_DIRS, dependencyDir: VITE_DEPS_DIR }));
  app.use(vite.middlewares);
  return () => vite.close();
}
