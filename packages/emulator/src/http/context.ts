/** What each request carries through the emulator's middleware. */
import type { Principal } from '../auth/principal.ts';
import type { ResponseContext } from './envelope.ts';

export interface EmulatorEnv {
  Variables: {
    readonly principal: Principal;
    readonly response: ResponseContext;
  };
}
