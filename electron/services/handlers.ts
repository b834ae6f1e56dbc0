// The full handler table, shared by the Electron main process and the loopback test host.
// Each domain contributes its handlers from its own service module.
import type { Handlers } from '../ipc/dispatch';
import { appHandlers } from './app-handlers';
import type { AppHandlerDeps } from './app-handlers';
import { captureHandlers } from './capture-handlers';
import { riskHandlers } from './risk-handlers';
import { join } from 'node:path';
import { DeviceRegistry } from './device-registry';
import { ProbeService, probeHandlers } from '../probes/service';
import { AuditFile } from '../probes/audit-file';
import { InventoryService } from './spreadsheet/inventory-service';
import type { InventoryServiceDeps } from './spreadsheet/inventory-service';
import { inventoryHandlers } from './spreadsheet/inventory-handlers';
import type { Device } from '../../core/model/device';
import type { RiskHandlerDeps } from './risk-handlers';

/** Open dialogs live in main; the test host has none (the renderer sends dropped bytes instead). */
export type ServiceDeps = AppHandlerDeps & {
  dialogs?: RiskHandlerDeps & Pick<InventoryServiceDeps, 'pickFile' | 'pickSavePath'>;
  /** Push an event to every window (probe progress is not tied to one request). */
  broadcast?: (event: string, payload: unknown) => void;
};

export interface Services {
  handlers: Partial<Handlers>;
  /** Stop captures and probes (on quit). */
  shutdown(): Promise<void>;
}

export function buildServices(deps: ServiceDeps): Services {
  const registry = new DeviceRegistry();
  const { stopAll: stopCaptures, ...capture } = captureHandlers({ onDevices: (ds) => registry.add(ds) });
  const audit = new AuditFile(join(deps.dataDir, 'probe-audit.jsonl'));
  const probes = new ProbeService({
    devices: () => registry.all(),
    emit: (event, payload) => deps.broadcast?.(event, payload),
    onAudit: (r) => audit.append(r),
    readAudit: () => audit.read().records,
    // Probe answers reach the window in probe:finished (observations with source "probe"), which
    // merges them into its stored devices like any other evidence.
  });
  const handlers: Partial<Handlers> = {
    ...appHandlers(deps),
    ...capture,
    ...riskHandlers(deps.dialogs ?? {}),
    ...probeHandlers(probes),
    ...inventoryHandlers(new InventoryService({ pickFile: deps.dialogs?.pickFile, pickSavePath: deps.dialogs?.pickSavePath })),
    'devices:sync': ({ devices }) => ({ known: registry.add(devices as unknown as Device[]) }),
  };
  return {
    handlers,
    async shutdown() {
      await stopCaptures();
      await probes.stopAll();
    },
  };
}

/** The handler table alone (tests and the loopback host). */
export function buildHandlers(deps: ServiceDeps): Partial<Handlers> {
  return buildServices(deps).handlers;
}
