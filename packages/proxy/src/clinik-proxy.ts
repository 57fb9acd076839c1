/** `clinikProxy(options)`: the Express middleware. Options are checked once; each request runs `pipeline.ts`. */
import type { RequestHandler } from 'express';
import { resolveOptions, type ClinikProxyOptions } from './options.ts';
import { withLiveRoutes } from './live/mount.ts';
import { createPipeline } from './pipeline.ts';

/**
 * Mount under your own path: `app.use('/api/clinik', clinikProxy({ session, policy }))`. Options are checked here,
 * once; a misconfiguration fails at start-up, not on the first request. Every request under the mount is answered
 * here: nothing is passed on to the app's next handler.
 */
export function clinikProxy(options: ClinikProxyOptions): RequestHandler {
  const settings = resolveOptions(options);
  const handle = createPipeline(settings);
  // With `live`, two routes of their own beside the API: ClinikAPI's webhooks, and the users' event streams.
  return settings.live ? withLiveRoutes(settings, settings.live, handle) : (req, res) => handle(req, res);
}
