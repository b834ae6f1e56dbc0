// Handlers for the app-level channels. Plain module: the Electron main process and the loopback test
// host both build their handler table from these factories.
import type { Handlers } from '../ipc/dispatch';
import type { BackupStore } from './backup-store';
import { isSafeExternalUrl } from '../main/security';

export interface AppHandlerDeps {
  version: string;
  platform: string;
  host: 'electron' | 'test-host';
  dataDir: string;
  backups: BackupStore;
  openExternal: (url: string) => Promise<void> | void;
}

export function appHandlers(deps: AppHandlerDeps): Pick<Handlers, 'app:get-info' | 'backup:write' | 'backup:list' | 'backup:read' | 'shell:open-external'> {
  return {
    'app:get-info': () => ({ version: deps.version, platform: deps.platform, host: deps.host, dataDir: deps.dataDir }),
    'backup:write': ({ snapshot, reason }) => deps.backups.write(snapshot, reason),
    'backup:list': () => deps.backups.list(),
    'backup:read': async ({ name }) => ({ snapshot: await deps.backups.read(name) }),
    'shell:open-external': async ({ url }) => {
      if (!isSafeExternalUrl(url)) return { opened: false };
      await deps.openExternal(url);
      return { opened: true };
    },
  };
}
