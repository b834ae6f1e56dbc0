// Drives the capture-file worker and persists what it found: devices merge into the stored ones
// (evidence unioned, identification recomputed with the person's overrides on top), written in
// batched transactions (each IndexedDB transaction costs ~2 ms: never one per device).
import { mergeBatch } from '../../../../core/discovery/merge';
import type { Device } from '../../../../core/model/device';
import type { IdentityOverrides } from '../../../../core/model/identity-override';
import { newId } from '../../../../core/model/ids';
import { db } from '../../db/schema';
import { describeDbError } from '../../db/snapshot';
import type { FileProgress, FileStats, FromWorker, ToWorker } from './protocol';

const WRITE_CHUNK = 2000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export async function loadOverrides(): Promise<Record<string, IdentityOverrides>> {
  const out: Record<string, IdentityOverrides> = {};
  for (const r of await db().overrides.toArray()) out[r.deviceId] = r.overrides;
  return out;
}

export interface RunOutcome {
  stats: FileStats;
  found: number;
  added: number;
  updated: number;
}

export class DiscoveryRunner {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, (m: FromWorker) => void>();
  private nextId = 1;

  constructor(private readonly onProgress: (p: FileProgress) => void) {}

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./discovery.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.type === 'progress') this.onProgress(m.progress);
        else {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          p?.(m);
        }
      };
      this.worker.onerror = (e) => {
        // The worker died: every pending request fails with the reason, and the next one starts a new worker.
        for (const [id, p] of this.pending) p({ type: 'error', id, message: e.message || 'the capture reader stopped unexpectedly' });
        this.pending.clear();
        this.worker?.terminate();
        this.worker = null;
      };
    }
    return this.worker;
  }

  private request(msg: DistributiveOmit<Exclude<ToWorker, { type: 'cancel' }>, 'id'>): Promise<FromWorker> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ensureWorker().postMessage({ ...msg, id } as ToWorker);
    });
  }

  cancel(): void {
    this.worker?.postMessage({ type: 'cancel' } satisfies ToWorker);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Read the files, merge into the database; throws an Error with a user-facing message. */
  async run(files: File[]): Promise<RunOutcome> {
    const overrides = await loadOverrides();
    const res = await this.request({ type: 'start', files, overrides });
    if (res.type === 'error') throw new Error(`The capture could not be read: ${res.message}`);
    if (res.type !== 'done') throw new Error('Unexpected answer from the capture reader.');
    const found = res.devices;
    const { added } = await this.ingest(found, overrides);
    try {
      await db().imports.add({
        id: newId<'ImportId'>('import') as never,
        at: Date.now(),
        by: 'surveyor',
        kind: 'capture',
        fileName: files.map((f) => f.name).join(', ').slice(0, 500),
        summary: { packets: res.stats.packets, devices: found.length, added, malformed: res.stats.malformed },
      });
    } catch (e) {
      throw new Error(`The import record could not be saved: ${describeDbError(e)}`);
    }
    return { stats: res.stats, found: found.length, added, updated: found.length - added };
  }

  /** Merge devices (from a file or a live batch) into the database, re-identifying changed ones. */
  async ingest(found: Device[], overridesIn?: Record<string, IdentityOverrides>): Promise<{ added: number }> {
    const overrides = overridesIn ?? (await loadOverrides());
    const ids = found.map((d) => d.id as string);
    const existing = await db().devices.bulkGet(ids);
    const stored = new Map<string, Device>();
    existing.forEach((d) => d && stored.set(d.id, d));
    const { changed, newIds } = mergeBatch(stored, found);
    // Devices already stored got new evidence: identify them again from the merged evidence.
    const toIdentify = changed.filter((d) => stored.has(d.id));
    let identified = new Map<string, Device>();
    if (toIdentify.length) {
      const r = await this.request({ type: 'identify', devices: toIdentify, overrides });
      if (r.type === 'identified') identified = new Map(r.devices.map((d) => [d.id as string, d]));
    }
    const now = Date.now();
    const newSet = new Set(newIds);
    const rows = changed.map((d) => {
      const x = identified.get(d.id) ?? d;
      return newSet.has(d.id) ? { ...x, recordedAt: now } : x;
    });
    try {
      for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
        const chunk = rows.slice(i, i + WRITE_CHUNK);
        await db().transaction('rw', db().devices, async () => {
          await db().devices.bulkPut(chunk);
        });
      }
    } catch (e) {
      throw new Error(`The devices could not be saved: ${describeDbError(e)}`);
    }
    return { added: newIds.length };
  }

  /** Re-identify one stored device with its current overrides (after a person's correction). */
  async reidentify(device: Device): Promise<Device> {
    const overrides = await loadOverrides();
    const r = await this.request({ type: 'identify', devices: [device], overrides });
    if (r.type !== 'identified' || !r.devices[0]) throw new Error('Identification failed.');
    return r.devices[0];
  }
}
