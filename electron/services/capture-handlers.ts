// Capture channels: live capture runs in its own process (electron/capture), capture files are
// read streaming (electron/services/discovery.ts), devices are identified here with the IEEE
// registry, and everything reaches the window as batched events.
import { randomUUID } from 'node:crypto';
import type { Handlers } from '../ipc/dispatch';
import { UserFacingError } from '../../core/ipc/define';
import { identifyAll } from '../../core/fingerprint/combine';
import { CaptureError, listInterfaces, startLiveCapture } from '../capture/live-capture';
import type { LiveCapture } from '../capture/live-capture';
import type { Device } from '../../core/model/device';
import { discoverFiles } from './discovery';
import { loadOuiLookup } from './oui-table';

type CaptureHandlers = Pick<Handlers, 'capture:list-interfaces' | 'capture:start' | 'capture:stop' | 'capture:open-files' | 'capture:cancel-files'>;

export function captureHandlers(opts: { onDevices?: (devices: Device[]) => void } = {}): CaptureHandlers & { stopAll(): Promise<void> } {
  const live = new Map<string, LiveCapture>();
  let fileJob: AbortController | null = null;

  const asUserError = (e: unknown): never => {
    if (e instanceof CaptureError) throw new UserFacingError(e.message, e.hint, 'denied');
    throw e;
  };

  return {
    'capture:list-interfaces': async () => {
      try {
        return await listInterfaces();
      } catch (e) {
        return asUserError(e);
      }
    },
    'capture:start': async ({ interface: iface, filter }, ctx) => {
      const captureId = randomUUID();
      try {
        const oui = loadOuiLookup();
        const cap = await startLiveCapture({
          iface,
          ...(filter ? { filter } : {}),
          onBatch: (devices, stats) => {
            const identified = identifyAll(devices, oui);
            opts.onDevices?.(identified);
            ctx.emit('capture:devices-seen', { captureId, devices: identified, stats });
          },
          onStopped: (stats, message, hint) => {
            live.delete(captureId);
            ctx.emit('capture:stopped', { captureId, reason: 'error', ...(message ? { message } : {}), ...(hint ? { hint } : {}), stats });
          },
        });
        live.set(captureId, cap);
        return { captureId, filter: cap.filter, linkType: cap.linkType };
      } catch (e) {
        return asUserError(e);
      }
    },
    'capture:stop': async ({ captureId }, ctx) => {
      const cap = live.get(captureId);
      if (!cap) throw new UserFacingError('That capture is not running.');
      live.delete(captureId);
      const stats = await cap.stop();
      ctx.emit('capture:stopped', { captureId, reason: 'requested', stats });
      return { stats };
    },
    'capture:open-files': async ({ paths }, ctx) => {
      if (fileJob) throw new UserFacingError('Capture files are already being read.', 'Wait for them to finish or cancel.');
      fileJob = new AbortController();
      try {
        const r = await discoverFiles(paths, {
          signal: fileJob.signal,
          progressIntervalMs: 250,
          onProgress: (p) => ctx.emit('capture:progressed', p),
        });
        const devices = identifyAll(r.devices, loadOuiLookup());
        opts.onDevices?.(devices);
        return { devices, stats: r.stats };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new UserFacingError('The capture file was not found.', 'Check the path and try again.');
        if (code === 'EACCES') throw new UserFacingError('The capture file cannot be read (permission denied).');
        throw e;
      } finally {
        fileJob = null;
      }
    },
    'capture:cancel-files': () => {
      const had = fileJob !== null;
      fileJob?.abort();
      return { cancelled: had };
    },
    async stopAll() {
      for (const [id, cap] of live) {
        live.delete(id);
        await cap.stop().catch(() => undefined);
      }
    },
  };
}
