// Main-side handle on the live-capture process: list interfaces, start, receive batches, stop.
// Under Node it forks live-capture-process.ts (tsx from source, the .js when built); the Electron main
// process installs a spawner that uses utilityProcess.fork (setCaptureSpawner) with the same
// message protocol (live-protocol.ts).
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Device } from '../../core/model/device';
import { DEFAULT_FILTER, type LiveInterface, type LiveStats, type ToChild, type ToParent } from './live-protocol';

export { DEFAULT_FILTER, captureErrorHint } from './live-protocol';
export type { LiveInterface, LiveStats } from './live-protocol';

// The built app ships live-capture-process.js beside this module's bundle; from source, tsx runs the .ts.
const BUILT = join(import.meta.dirname, 'live-capture-process.js');
const ENTRY = existsSync(BUILT) ? BUILT : join(import.meta.dirname, 'live-capture-process.ts');

/** What the main side needs of the capture process, whichever way it was started. */
export interface CaptureChild {
  send(m: ToChild): void;
  readonly connected: boolean;
  kill(): void;
  on(event: 'message', listener: (m: ToParent) => void): void;
  once(event: 'error', listener: (e: Error) => void): void;
  once(event: 'exit', listener: (code: number | null) => void): void;
  on(event: 'exit', listener: (code: number | null) => void): void;
}

export type CaptureSpawner = (entry: string) => CaptureChild;

const nodeSpawner: CaptureSpawner = (entry) => {
  const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return fork(entry, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' }) as unknown as CaptureChild;
};

let spawner: CaptureSpawner = nodeSpawner;

/** Electron's main process starts the capture process with utilityProcess.fork instead of fork. */
export function setCaptureSpawner(s: CaptureSpawner): void {
  spawner = s;
}

function spawnChild(): CaptureChild {
  return spawner(ENTRY);
}

/** Ask a short-lived capture process for the interfaces (cap is never loaded in the caller). */
export async function listInterfaces(): Promise<LiveInterface[]> {
  const child = spawnChild();
  try {
    return await new Promise<LiveInterface[]>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`capture process exited (${code ?? 'signal'})`)));
      child.on('message', (m: ToParent) => {
        if (m.type === 'interfaces') resolve(m.interfaces);
        else if (m.type === 'stopped') reject(new CaptureError(m.message ?? 'capture failed', m.hint));
      });
      child.send({ type: 'list' } satisfies ToChild);
    });
  } finally {
    child.kill();
  }
}

export class CaptureError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface LiveCaptureOptions {
  iface: string;
  filter?: string;
  /** Milliseconds between batches (default 250: four a second at most). */
  batchMs?: number;
  onBatch: (devices: Device[], stats: LiveStats) => void;
  /** The capture ended by itself (error, interface gone). */
  onStopped?: (stats: LiveStats, message?: string, hint?: string) => void;
}

export interface LiveCapture {
  linkType: string;
  filter: string;
  stop(): Promise<LiveStats>;
}

/** Start capturing; rejects with a CaptureError (message + OS-specific hint) when it cannot. */
export function startLiveCapture(o: LiveCaptureOptions): Promise<LiveCapture> {
  const child = spawnChild();
  let stopping: ((s: LiveStats) => void) | undefined;
  return new Promise<LiveCapture>((resolve, reject) => {
    let started = false;
    child.once('error', reject);
    child.on('exit', (code) => {
      if (!started) reject(new CaptureError(`capture process exited (${code ?? 'signal'}) before starting`));
    });
    child.on('message', (m: ToParent) => {
      switch (m.type) {
        case 'started':
          started = true;
          resolve({
            linkType: m.linkType,
            filter: m.filter,
            stop: () =>
              new Promise<LiveStats>((res) => {
                stopping = res;
                if (child.connected) child.send({ type: 'stop' } satisfies ToChild);
                else res({ packets: 0, bytes: 0, dropped: 0, malformed: 0, devices: 0 });
              }),
          });
          break;
        case 'batch':
          o.onBatch(m.devices, m.stats);
          break;
        case 'stopped':
          if (!started) {
            child.kill();
            reject(new CaptureError(m.message ?? 'capture failed', m.hint));
          } else if (stopping) stopping(m.stats);
          else o.onStopped?.(m.stats, m.message, m.hint);
          break;
        default:
          break;
      }
    });
    child.send({ type: 'start', iface: o.iface, filter: o.filter ?? DEFAULT_FILTER, batchMs: o.batchMs ?? 250 } satisfies ToChild);
  });
}
