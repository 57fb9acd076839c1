/** `clinikProxy(options)`: the Express router that composes the proxy's stages in order. */
import { Router } from 'express';
import { resolveOptions, type ClinikProxyOptions } from './options.ts';
import { authorizeStage, callStage, entryStage, errorStage, forwardStage, sessionStage } from './stages.ts';

/**
 * Mount under your own path: `app.use('/api/clinik', clinikProxy({ session, policy }))`. Options are checked here,
 * once; a misconfiguration fails at start-up, not on the first request.
 */
export function clinikProxy(options: ClinikProxyOptions): Router {
  const settings = resolveOptions(options);
  const router = Router();
  router.use(entryStage(settings));
  router.use(sessionStage(settings));
  if (settings.rateLimiter) router.use(settings.rateLimiter);
  router.use(callStage(settings));
  router.use(authorizeStage(settings));
  router.use(forwardStage(settings));
  router.use(errorStage());
  return router;
}
