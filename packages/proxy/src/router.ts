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

  router.use(async (req: Request, res: Response, next: NextFunction) => {
    // The host app's Express announces itself; responses carrying patient data should not.
    res.removeHeader('x-powered-by');
    const state = setState(req, { requestId: newRequestId() });
    const user = await resolved.session(req);
    if (!user) throw new ProxyError('UNAUTHORIZED', 'Sign in to continue');
    state.user = user;
    state.target = resolveTarget(req.path);
    next();
  });

  router.use(upstream);

  // Every failure leaves as the error envelope — never Express's HTML page, which can carry a stack trace.
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const requestId = getState(req).requestId;
    if (error instanceof ProxyError) {
      sendError(res, requestId, error);
      return;
    }
    console.error(`[clinikapi-proxy] ${requestId} unexpected ${error instanceof Error ? error.name : 'error'}`);
    sendError(res, requestId, new ProxyError('INTERNAL_ERROR', 'Unexpected proxy error'));
  });

  return router;
}
