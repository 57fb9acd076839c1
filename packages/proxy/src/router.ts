/** `clinikProxy(options)`: the Express middleware that composes the proxy's stages in order. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { withLiveRoutes } from './live/mount.ts';
import { spendStage } from './limits/spend-stage.ts';
import { resolveOptions, type ClinikProxyOptions } from './options.ts';
import { authorizeStage, callStage, entryStage, errorStage, forwardStage, sessionStage } from './stages.ts';

/**
 * Runs the stages one after another as a single handler: each calls `next()` to hand over or throws (or rejects) to
 * stop, and a failure goes to `fail`. One plain handler instead of a Router of six layers spares every request the
 * router's per-layer matching and bookkeeping.
 */
function inOrder(stages: readonly RequestHandler[], fail: ErrorRequestHandler): RequestHandler {
  return (req, res, done) => {
    let index = 0;
    const next = (error?: unknown): void => {
      if (error !== undefined && error !== null) {
        try {
          fail(error, req, res, done);
        } catch (failure) {
          // Only Express's final handler is left; it ends the response without our envelope.
          done(failure);
        }
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
export function clinikProxy(options: ClinikProxyOptions): RequestHandler {
  const settings = resolveOptions(options);
  const stages = [
    entryStage(settings),
    settings.anonymousLimit?.guard,
    sessionStage(settings),
    settings.rateLimiter,
    callStage(settings),
    authorizeStage(settings),
    spendStage(settings.patientWrites, settings.budget),
    forwardStage(settings),
  ].filter((stage) => stage !== undefined);
  const api = inOrder(stages, errorStage());
  return settings.live ? withLiveRoutes(settings, settings.live, api, inOrder) : api;
}
