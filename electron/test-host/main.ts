// Run the loopback test host by hand: `npx tsx electron/test-host/main.ts [rendererDir]`, then open
// the printed URL in a browser. Tests start it in-process with startTestHost().
import { join, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startTestHost } from './server';
import { buildHandlers } from '../services/handlers';
import { BackupStore } from '../services/backup-store';

const rendererDir = resolve(process.argv[2] ?? 'renderer/dist');
const dataDir = process.env['WARDWALK_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'wardwalk-host-'));
const hostRef: { current?: Awaited<ReturnType<typeof startTestHost>> } = {};
const host = await startTestHost({
  rendererDir,
  port: Number(process.env['PORT'] ?? 0),
  handlers: buildHandlers({
    version: '0.1.0',
    platform: process.platform,
    host: 'test-host',
    dataDir,
    backups: new BackupStore(join(dataDir, 'backups'), 10),
    openExternal: () => undefined,
    broadcast: (event, payload) => hostRef.current?.broadcast(event, payload),
  }),
});
hostRef.current = host;
console.log(`Wardwalk test host: ${host.appUrl}`);
console.log(`data: ${dataDir}`);
