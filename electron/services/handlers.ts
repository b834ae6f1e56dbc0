// The full handler table, shared by the Electron main process and the loopback test host.
// Each domain contributes its handlers from its own service module.
import type { Handlers } from '../ipc/dispatch';
import { appHandlers } from './app-handlers';
import type { AppHandlerDeps } from './app-handlers';

export type ServiceDeps = AppHandlerDeps;

export function buildHandlers(deps: ServiceDeps): Partial<Handlers> {
  return {
    ...appHandlers(deps),
  };
}
