// Zeek logs and whole log archives into discovery, streaming: plain logs, rotated gzipped logs,
// folders of days and sensors, and tar / tar.gz archives (whose entries may themselves be gzipped).
// Each line goes through core/zeek (parse → observations) into the same DiscoveryEngine as packets.
// Unknown log types and malformed lines are counted and reported, never fatal.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Gunzip } from 'node:zlib';
import { once } from 'node:events';
import { ZeekLogParser, logTypeFromName, sensorFromPath, ZEEK_ARCHIVE_NAME, ZEEK_LOG_NAME } from '../../../core/zeek/parse';
import { ZeekIngest, logTypeOrder } from '../../../core/zeek/ingest';
import type { SiteMap, ZeekIngestStats } from '../../../core/zeek/ingest';
import type { DiscoveryEngine } from '../../../core/discovery/engine';
import { LineSplitter } from '../../../core/zeek/lines';
import { TarReader } from '../../../core/zeek/tar';

export interface ZeekImportOptions {
  /** Sensor name for every input (otherwise from JSON _system_name/_node_name, or the folder name). */
  sensor?: string;
  siteMap?: SiteMap;
  signal?: AbortSignal;
  onProgress?: (p: { file: string; bytesRead: number; bytesTotal: number; lines: number }) => void;
}

export interface ZeekImportStats extends ZeekIngestStats {
  files: number;
  lines: number;
  malformedLines: number;
  problems: Record<string, number>;
  sensors: string[];
  warnings: string[];
  cancelled?: boolean;
}

const LOG_NAME = ZEEK_LOG_NAME;
const TAR_NAME = ZEEK_ARCHIVE_NAME;
export { sensorFromPath };

/** Does this look like Zeek input (by name or by its first bytes)? */
export function isZeekName(name: string): boolean {
  return LOG_NAME.test(name) || TAR_NAME.test(name);
}

async function expand(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string, depth: number): Promise<void> => {
    const st = await stat(p);
    if (st.isDirectory()) {
      if (depth > 8) return;
      for (const e of (await readdir(p)).sort()) await walk(join(p, e), depth + 1);
    } else if (depth === 0 || LOG_NAME.test(p) || TAR_NAME.test(p)) out.push(p);
  };
  for (const i of inputs) await walk(i, 0);
  return out;
}

export async function importZeek(inputs: readonly string[], engine: DiscoveryEngine, opts: ZeekImportOptions = {}): Promise<ZeekImportStats> {
  const ingest = new ZeekIngest((o) => engine.addObservation(o), opts.siteMap ? { siteMap: opts.siteMap } : {});
  const files = await expand(inputs);
  const stats = { files: 0, lines: 0, malformedLines: 0, problems: {} as Record<string, number>, sensors: new Set<string>(), warnings: [] as string[] };
  let cancelled = false;

  // One log stream (a file, or an entry of an archive) → lines → records → observations.
  const openLog = (name: string, fallbackSensor: string, fileTime?: number) => {
    const parser = new ZeekLogParser(logTypeFromName(name));
    const splitter = new LineSplitter(new TextDecoder('utf-8'), (line) => {
      stats.lines++;
      const rec = parser.line(line);
      if (!rec) return;
      const sensor = opts.sensor ?? rec.get('_system_name') ?? rec.get('_node_name') ?? fallbackSensor;
      stats.sensors.add(sensor);
      ingest.record(parser.path, rec, sensor, fileTime);
    });
    return {
      push: (c: Uint8Array) => splitter.push(c),
      end: () => {
        splitter.end();
        stats.malformedLines += parser.stats.malformed + splitter.overlong;
        for (const [k, v] of Object.entries(parser.stats.problems)) stats.problems[k] = (stats.problems[k] ?? 0) + v;
        if (splitter.overlong) stats.problems['line too long'] = (stats.problems['line too long'] ?? 0) + splitter.overlong;
      },
    };
  };

  const readFileStream = async (path: string, onChunk: (c: Uint8Array) => Promise<void> | void) => {
    const total = (await stat(path)).size;
    let read = 0;
    let last = 0;
    const raw = createReadStream(path, { highWaterMark: 256 * 1024 });
    raw.on('data', (c: string | Buffer) => {
      read += c.length;
    });
    const gz = /\.(gz|tgz)$/i.test(path);
    const stream = gz ? raw.pipe(createGunzip()) : raw;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (opts.signal?.aborted) {
          cancelled = true;
          break;
        }
        await onChunk(chunk);
        const now = Date.now();
        if (opts.onProgress && now - last > 200) {
          last = now;
          opts.onProgress({ file: path, bytesRead: read, bytesTotal: total, lines: stats.lines });
        }
      }
    } catch (e) {
      stats.warnings.push(`${basename(path)}: ${gz ? 'damaged gzip data' : 'read error'} (${(e as Error).message}); lines before it were used`);
    } finally {
      raw.destroy();
    }
    opts.onProgress?.({ file: path, bytesRead: read, bytesTotal: total, lines: stats.lines });
  };

  const plain = files.filter((f) => !TAR_NAME.test(f)).sort((a, b) => logTypeOrder(logTypeFromName(a)) - logTypeOrder(logTypeFromName(b)));
  const tars = files.filter((f) => TAR_NAME.test(f));

  for (const f of plain) {
    if (cancelled) break;
    stats.files++;
    const log = openLog(basename(f), sensorFromPath(f), (await stat(f)).mtimeMs);
    await readFileStream(f, (c) => log.push(c));
    log.end();
  }

  // Archives are read once, entry by entry, in archive order (ssl records wait for their x509).
  for (const f of tars) {
    if (cancelled) break;
    let current: { push(c: Uint8Array): void; end(): void } | null = null;
    const drains: Promise<unknown>[] = [];
    const archiveTime = (await stat(f)).mtimeMs;
    const tar = new TarReader({
      start: (name) => {
        if (!LOG_NAME.test(name)) return;
        stats.files++;
        const log = openLog(basename(name), sensorFromPath(join(f, name)), archiveTime);
        if (/\.gz$/i.test(name)) {
          const g: Gunzip = createGunzip();
          g.on('data', (c: Buffer) => log.push(c));
          g.on('error', (e) => stats.warnings.push(`${basename(f)}:${name}: damaged gzip data (${e.message})`));
          current = {
            push: (c) => {
              if (!g.write(c)) drains.push(once(g, 'drain'));
            },
            end: () => {
              g.end();
              drains.push(once(g, 'end').then(() => log.end(), () => log.end()));
            },
          };
        } else current = log;
      },
      data: (c) => current?.push(c),
      end: () => {
        current?.end();
        current = null;
      },
    });
    await readFileStream(f, async (c) => {
      if (tar.finished) return;
      tar.push(c);
      if (drains.length) await Promise.all(drains.splice(0));
    });
    if (drains.length) await Promise.all(drains.splice(0));
    if (tar.error) stats.warnings.push(`${basename(f)}: ${tar.error}`);
  }

  const unknown = Object.entries(ingest.stats.unknownTypes);
  if (unknown.length) stats.warnings.push(`log types not used: ${unknown.map(([t, n]) => `${t} (${n} records)`).join(', ')}`);
  if (stats.malformedLines) stats.warnings.push(`${stats.malformedLines} malformed lines skipped (${Object.entries(stats.problems).map(([k, v]) => `${k}: ${v}`).join('; ')})`);
  return {
    ...ingest.stats,
    files: stats.files,
    lines: stats.lines,
    malformedLines: stats.malformedLines,
    problems: stats.problems,
    sensors: [...stats.sensors].sort(),
    warnings: stats.warnings,
    ...(cancelled ? { cancelled: true } : {}),
  };
}
