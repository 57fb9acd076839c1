/** `clinikProxy(options)`: the Express router that composes the proxy's stages in order. */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { ProxyError, sendError } from './errors.ts';
import { resolveOptions, type ClinikProxyOptions } from './options.ts';
import { getState, setState } from './request-context.ts';
import { resolveTarget } from './target.ts';
import { createUpstreamProxy } from './upstream-proxy.ts';

const newRequestId = (): string => `req_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;

/**
 * Mount under your own path: `app.use('/api/clinik', clinikProxy({ session }))`. Options are checked here, once;
 * a misconfiguration fails at start-up, not on the first request.
 */
export function clinikProxy(options: ClinikProxyOptions): Router {
  const resolved = resolveOptions(options);
  const upstream = createUpstreamProxy(resolved);
  const router = Router();

  router.use(async (req: Request, _res: Response, next: NextFunction) => {
    const state = setState(req, { requestId: newRequestId() });
    const user = await resolved.session(req);
    if (!user) throw new ProxyError('UNAUTHORIZED', 'Sign in to continue');
    state.user = user;
    state.target = resolveTarget(req.path);
    next();
  });

  router.use(upstream);

  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof ProxyError)) {
      next(error);
      return;
    }
    sendError(res, getState(req).requestId, error);
  });

  return router;
}
