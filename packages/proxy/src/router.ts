/** `clinikProxy(options)`: the Express router that composes the proxy's stages in order. */
import { Router, type RequestHandler } from 'express';
import { resolveOptions, type ClinikProxyOptions } from './options.ts';
import { authorizeStage, callStage, entryStage, errorStage, forwardStage, sessionStage } from './stages.ts';

/**
 * Runs the stages one after another as a single Express layer: each calls `next()` to hand over or throws (or
 * rejects) to stop. One layer instead of six spares every request the router's per-layer matching.
 */
function inOrder(stages: readonly RequestHandler[]): RequestHandler {
  return (req, res, done) => {
    let index = 0;
    const next = (error?: unknown): void => {
      if (error !== undefined && error !== null) {
        done(error);
        return;
      }
      const stage = stages[index];
      index += 1;
      if (!stage) {
        done();
        return;
      }
      try {
        const result: unknown = stage(req, res, next);
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown ?? new Error('stage threw'));
      }
    };
    next();
  };
}

/**
 * Mount under your own path: `app.use('/api/clinik', clinikProxy({ session, policy }))`. Options are checked here,
 * once; a misconfiguration fails at start-up, not on the first request.
 */
export function clinikProxy(options: ClinikProxyOptions): Router {
  const settings = resolveOptions(options);
  const stages: RequestHandler[] = [entryStage(settings), sessionStage(settings)];
  if (settings.rateLimiter) stages.push(settings.rateLimiter);
  stages.push(callStage(settings), authorizeStage(settings), forwardStage(settings));
  const router = Router();
  router.use(inOrder(stages));
  router.use(errorStage());
  return router;
}
