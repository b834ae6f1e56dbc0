// Capture files are read and decoded here, off the UI thread: File.stream() chunk by chunk into the
// same core pipeline the CLI and the main side use (CaptureReader → DiscoveryEngine), so memory
// stays flat whatever the file size. Identification runs here too (it needs the 54k-entry IEEE
// registry, loaded once). Nothing but device summaries goes back to the page — never packets.
/// <reference lib="webworker" />
import { CaptureReader } from '../../../../core/capture/reader';
import { unsupportedLinkTypeWarnings } from '../../../../core/capture/frame';
import { DiscoveryEngine } from '../../../../core/discovery/engine';
import { identifyAll } from '../../../../core/fingerprint/combine';
import { createOuiLookup } from '../../../../core/fingerprint/oui';
import type { OuiLookup } from '../../../../core/fingerprint/oui';
import type { Device } from '../../../../core/model/device';
import type { IdentityOverrides } from '../../../../core/model/identity-override';
import type { FromWorker, ToWorker } from './protocol';
import { ZeekIngest } from '../../../../core/zeek/ingest';
import { isZeekFile, readZeekFile } from './zeek-browser';
import type { ZeekFileStats } from './zeek-browser';

declare const self: DedicatedWorkerGlobalScope;

let cancelled = false;
let oui: OuiLookup | undefined;

async function ouiLookup(): Promise<OuiLookup> {
  if (!oui) {
    const data = (await import('oui-data')).default as unknown as Record<string, string>;
    oui = createOuiLookup(Object.entries(data));
  }
  return oui;
}

const post = (m: FromWorker) => self.postMessage(m);

async function identify(devices: Device[], overrides: Record<string, IdentityOverrides>): Promise<Device[]> {
  return identifyAll(devices, await ouiLookup(), overrides);
}

async function run(id: number, files: File[], overrides: Record<string, IdentityOverrides>) {
  cancelled = false;
  const t0 = performance.now();
  const engine = new DiscoveryEngine({ source: 'pcap' });
  const warnings: string[] = [];
  let last = 0;
  const ingest = new ZeekIngest((o) => engine.addObservation(o));
  const zeek: ZeekFileStats = { lines: 0, malformed: 0, warnings: [] };
  for (let i = 0; i < files.length && !cancelled; i++) {
    const file = files[i]!;
    const progress = (read: number) => {
      const now = performance.now();
      if (now - last > 150) {
        last = now;
        post({ type: 'progress', progress: { file: file.name, fileIndex: i, files: files.length, bytesRead: read, bytesTotal: file.size, packets: engine.stats.packets + zeek.lines } });
      }
    };
    if (isZeekFile(file.name)) {
      // Zeek logs and archives: the same observation pipeline, evidence source "zeek:<sensor>".
      await readZeekFile(file, ingest, zeek, progress, () => cancelled);
      continue;
    }
    const reader = new CaptureReader((f) => engine.addFrame(f.data, f.linkType, f.ts, f.origLen));
    let read = 0;
    const stream = file.stream().getReader();
    try {
      while (true) {
        const { value, done } = await stream.read();
        if (done || cancelled) break;
        read += value.length;
        reader.push(value);
        if (reader.done) break;
        progress(read);
      }
    } catch (e) {
      warnings.push(`${file.name}: could not be read (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      void stream.cancel().catch(() => undefined);
    }
    const rs = reader.end();
    for (const w of rs.warnings) warnings.push(`${file.name}: ${w}`);
    if (cancelled) warnings.push(`${file.name}: cancelled after ${read} of ${file.size} bytes`);
    post({ type: 'progress', progress: { file: file.name, fileIndex: i, files: files.length, bytesRead: read, bytesTotal: file.size, packets: engine.stats.packets } });
  }
  warnings.push(...zeek.warnings);
  if (zeek.malformed) warnings.push(`${zeek.malformed} malformed Zeek log lines skipped`);
  const unknown = Object.entries(ingest.stats.unknownTypes);
  if (unknown.length) warnings.push(`Zeek log types not used: ${unknown.map(([t, n]) => `${t} (${n})`).join(', ')}`);
  warnings.push(...unsupportedLinkTypeWarnings(engine.stats.unsupportedLinkTypes));
  const devices = await identify(engine.devices(), overrides);
  post({
    type: 'done',
    id,
    devices,
    stats: {
      files: files.length,
      packets: engine.stats.packets,
      logLines: zeek.lines,
      bytes: engine.stats.bytes,
      malformed: engine.stats.malformed,
      decoded: engine.stats.decoded,
      warnings,
      durationMs: Math.round(performance.now() - t0),
      cancelled,
    },
  });
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'cancel') cancelled = true;
  else if (m.type === 'start') {
    run(m.id, m.files, m.overrides).catch((err: unknown) => post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) }));
  } else if (m.type === 'identify') {
    identify(m.devices, m.overrides)
      .then((devices) => post({ type: 'identified', id: m.id, devices }))
      .catch((err: unknown) => post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) }));
  }
};
