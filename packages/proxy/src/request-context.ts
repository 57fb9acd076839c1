/** What the proxy learns about a request as it passes through its stages. */
import type { ResourceDefinition } from '@clinikapi/core';
import type { Request } from 'express';

/** The signed-in user of the host app, as its session resolver returns it. */
export interface ProxyUser {
  /** Stable id of the user in the host app. */
  readonly id: string;
  /** Role names the policy decides on. */
  readonly roles?: readonly string[];
  readonly [claim: string]: unknown;
}

/** The REST target of a request: `/{resource}[/{id}]` under the mount. */
export interface ResourceTarget {
  readonly resource: ResourceDefinition;
  readonly id: string | undefined;
}

export interface ProxyRequestState {
  readonly requestId: string;
  user?: ProxyUser;
  target?: ResourceTarget;
}

const STATE = Symbol('clinikapi.proxy');

type WithState = Request & { [STATE]?: ProxyRequestState };

export function setState(req: Request, state: ProxyRequestState): ProxyRequestState {
  (req as WithState)[STATE] = state;
  return state;
}

export function getState(req: Request): ProxyRequestState {
  const state = (req as WithState)[STATE];
  if (!state) throw new Error('clinikProxy state missing: the request did not pass through clinikProxy()');
  return state;
}
