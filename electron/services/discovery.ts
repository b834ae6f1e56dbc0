// Discover devices from capture files, streaming: each file is read with fs.createReadStream and
// pushed chunk by chunk into the capture reader, so memory stays flat whatever the file size.
// A plain Node module (no electron import): the CLI, the test host and the main process all use it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CaptureReader } from '../../core/capture/reader';
import type { Frame } from '../../core/capture/frame';
import { unsupportedLinkTypeWarnings } from '../../core/capture/frame';
import { DiscoveryEngine } from '../../core/discovery/engine';
import type { Device } from '../../core/model/device';
import type { EvidenceSource } from '../../core/model/observation';

export interface DiscoveryProgress {
  file: string;
  fileIndex: number;
  files: number;
  bytesRead: number;
  bytesTotal: number;
  packets: number;
}

export interface DiscoveryStats {
  files: number;
  packets: number;
  bytes: number;
  malformed: number;
  violations: Record<string, number>;
  unsupportedLinkTypes: Record<string, number>;
  /** Payloads an application decoder accepted. */
  decoded: number;
  warnings: string[];
  durationMs: number;
  cancelled?: boolean;
}

export interface DiscoveryResult {
  devices: Device[];
  stats: DiscoveryStats;
}

export interface DiscoverOptions {
  onProgress?: (p: DiscoveryProgress) => void;
  /** Minimum milliseconds between progress calls (the last one always comes). */
  progressIntervalMs?: number;
  signal?: AbortSignal;
  source?: EvidenceSource;
  /** Read chunk size (default 256 KiB). */
  chunkSize?: number;
  /** Use an existing engine (e.g. to merge files into a running survey). */
  engine?: DiscoveryEngine;
}

/** Read every file in turn into one discovery pass. Rejects only on I/O errors; corrupt files become warnings. */
export async function discoverFiles(paths: readonly string[], opts: DiscoverOptions = {}): Promise<DiscoveryResult> {
  const t0 = performance.now();
  const engine = opts.engine ?? new DiscoveryEngine({ source: opts.source ?? 'pcap' });
  const warnings: string[] = [];
  let cancelled = false;
  const interval = opts.progressIntervalMs ?? 100;
  const sink = (f: Frame): void => engine.addFrame(f.data, f.linkType, f.ts, f.origLen);
  for (let i = 0; i < paths.length && !cancelled; i++) {
    const path = paths[i]!;
    const name = basename(path);
    const total = (await stat(path)).size;
    const reader = new CaptureReader(sink);
    let read = 0;
    let lastReport = 0;
    const report = (force: boolean): void => {
      if (!opts.onProgress) return;
      const now = performance.now();
      if (!force && now - lastReport < interval) return;
      lastReport = now;
      opts.onProgress({ file: path, fileIndex: i, files: paths.length, bytesRead: read, bytesTotal: total, packets: engine.stats.packets });
    };
    const stream = createReadStream(path, { highWaterMark: opts.chunkSize ?? 256 * 1024 });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (opts.signal?.aborted) {
          cancelled = true;
          break;
        }
        read += chunk.length;
        reader.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
        if (reader.done) break;
        report(false);
      }
    } finally {
      stream.destroy();
    }
    const rs = reader.end();
    report(true);
    for (const w of rs.warnings) warnings.push(`${name}: ${w}`);
    if (cancelled) warnings.push(`${name}: cancelled after ${read} of ${total} bytes`);
  }
  warnings.push(...unsupportedLinkTypeWarnings(engine.stats.unsupportedLinkTypes));
  const s = engine.stats;
  const stats: DiscoveryStats = {
    files: paths.length,
    packets: s.packets,
    bytes: s.bytes,
    malformed: s.malformed,
    violations: { ...s.violations },
    unsupportedLinkTypes: { ...s.unsupportedLinkTypes },
    decoded: s.decoded,
    warnings,
    durationMs: Math.round(performance.now() - t0),
  };
  if (cancelled) stats.cancelled = true;
  return { devices: engine.devices(), stats };
}
