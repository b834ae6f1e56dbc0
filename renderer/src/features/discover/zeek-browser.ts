// Zeek logs opened in the window (files or a dropped folder): the same core parser and ingest as the
// Node side, streamed from File.stream() with the browser's own gzip decoder. Runs in the
// discovery worker.
import { LineSplitter } from '../../../../core/zeek/lines';
import { TarReader } from '../../../../core/zeek/tar';
import { ZeekLogParser, logTypeFromName, sensorFromPath, ZEEK_ARCHIVE_NAME, ZEEK_LOG_NAME } from '../../../../core/zeek/parse';
import type { ZeekIngest } from '../../../../core/zeek/ingest';

export const isZeekFile = (name: string) => ZEEK_LOG_NAME.test(name) || ZEEK_ARCHIVE_NAME.test(name);

/** Nested gzipped entries inside a tar are inflated whole; refuse absurd ones. */
const MAX_NESTED_GZ = 256 * 1024 * 1024;

export interface ZeekFileStats {
  lines: number;
  malformed: number;
  warnings: string[];
}

async function* chunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function gunzipWhole(parts: Uint8Array[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const stream = new Blob(parts as BlobPart[]).stream().pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  for await (const c of chunks(stream)) out.push(c);
  return out;
}

export async function readZeekFile(
  file: File,
  ingest: ZeekIngest,
  stats: ZeekFileStats,
  onBytes: (read: number) => void,
  cancelled: () => boolean,
  sensorOverride?: string,
): Promise<void> {
  const path = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
  const fileTime = file.lastModified;
  const openLog = (name: string, fallbackSensor: string) => {
    const parser = new ZeekLogParser(logTypeFromName(name));
    const splitter = new LineSplitter(new TextDecoder('utf-8'), (line) => {
      stats.lines++;
      const rec = parser.line(line);
      if (!rec) return;
      ingest.record(parser.path, rec, sensorOverride ?? rec.get('_system_name') ?? rec.get('_node_name') ?? fallbackSensor, fileTime);
    });
    return {
      push: (c: Uint8Array) => splitter.push(c),
      end: () => {
        splitter.end();
        stats.malformed += parser.stats.malformed + splitter.overlong;
      },
    };
  };

  let raw: ReadableStream<Uint8Array> = file.stream();
  let read = 0;
  const counted = raw.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(c, ctl) {
        read += c.length;
        ctl.enqueue(c);
      },
    }),
  );
  raw = /\.(gz|tgz)$/i.test(file.name) ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : counted;

  try {
    if (ZEEK_ARCHIVE_NAME.test(file.name)) {
      let current: { push(c: Uint8Array): void; end(): void } | null = null;
      let nested: { name: string; parts: Uint8Array[]; size: number } | null = null;
      const pendingNested: { name: string; parts: Uint8Array[] }[] = [];
      const tar = new TarReader({
        start: (name) => {
          if (!ZEEK_LOG_NAME.test(name)) return;
          if (/\.gz$/i.test(name)) nested = { name, parts: [], size: 0 };
          else current = openLog(name, sensorFromPath(`${path}/${name}`));
        },
        data: (c) => {
          if (nested) {
            nested.size += c.length;
            if (nested.size <= MAX_NESTED_GZ) nested.parts.push(c.slice());
          } else current?.push(c);
        },
        end: () => {
          if (nested) {
            if (nested.size > MAX_NESTED_GZ) stats.warnings.push(`${file.name}:${nested.name}: larger than 256 MB compressed, skipped (use the command line for it)`);
            else pendingNested.push(nested);
            nested = null;
          }
          current?.end();
          current = null;
        },
      });
      for await (const c of chunks(raw)) {
        if (cancelled() || tar.finished) break;
        tar.push(c);
        while (pendingNested.length) {
          const n = pendingNested.shift()!;
          const log = openLog(n.name, sensorFromPath(`${path}/${n.name}`));
          try {
            for (const part of await gunzipWhole(n.parts)) log.push(part);
          } catch {
            stats.warnings.push(`${file.name}:${n.name}: damaged gzip data`);
          }
          log.end();
        }
        onBytes(read);
      }
      if (tar.error) stats.warnings.push(`${file.name}: ${tar.error}`);
    } else {
      const log = openLog(file.name, sensorFromPath(path));
      for await (const c of chunks(raw)) {
        if (cancelled()) break;
        log.push(c);
        onBytes(read);
      }
      log.end();
    }
  } catch (e) {
    stats.warnings.push(`${file.name}: ${/\.gz$/i.test(file.name) ? 'damaged gzip data' : 'read error'} (${e instanceof Error ? e.message : String(e)}); lines before it were used`);
  }
  onBytes(read);
}
