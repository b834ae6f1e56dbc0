// Test-only: run a capture file through the project's own reader and packet walker, collecting every
// observation with the number (1-based, as tcpdump/tshark count) of the frame that produced it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCapture } from '../../core/capture/reader';
import type { CaptureReadStats } from '../../core/capture/frame';
import { PacketDecoder, newPacketStats } from '../../core/decoders/packet';
import type { PacketStats } from '../../core/decoders/packet';
import type { Observation, ObservationKind } from '../../core/model/observation';
import { walkFrame } from './app-walk';
import type { WalkResult } from './app-walk';

export const APP_FIXTURES = join(__dirname, '..', 'fixtures', 'pcaps', 'app');

export interface FrameObservation extends Observation {
  frame: number;
}

export interface DecodedCapture {
  obs: FrameObservation[];
  /** packet.ts statistics (integration mode) — empty in lenient mode. */
  stats: PacketStats;
  /** Per application decoder: payloads accepted / refused (lenient mode). */
  status: WalkResult['status'];
  read: CaptureReadStats;
  frames: number;
}

export function fixture(rel: string): string {
  return join(APP_FIXTURES, rel);
}

export function fixtureText(rel: string): string {
  return readFileSync(fixture(rel), 'utf8');
}

/**
 * Decode a capture. 'lenient' (default) walks the layers with the test walker (app-walk.ts) so the
 * application decoders are compared alone; 'packet' goes through core/decoders/packet.ts, the
 * pipeline the app uses (its trust policy may drop frames, e.g. bad IPv4 header checksums).
 */
export function decodeBytes(bytes: Uint8Array, mode: 'lenient' | 'packet' = 'lenient'): DecodedCapture {
  const stats = newPacketStats();
  const dec = new PacketDecoder(stats, 'pcap');
  const walk: WalkResult = { obs: [], status: {} };
  const obs: FrameObservation[] = [];
  let frame = 0;
  const read = readCapture(bytes, (f) => {
    frame++;
    const n = frame;
    if (mode === 'packet') dec.decode(f.data, f.linkType, f.ts, f.origLen, (o) => obs.push({ ...o, frame: n }));
    else walkFrame(f.data, f.linkType, f.ts, n, walk);
  });
  return { obs: mode === 'packet' ? obs : walk.obs, stats, status: walk.status, read, frames: frame };
}

export function decodeFixture(rel: string, mode: 'lenient' | 'packet' = 'lenient'): DecodedCapture {
  const buf = readFileSync(fixture(rel));
  return decodeBytes(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), mode);
}

/** Names of decoders that refused a payload (lenient mode). */
export function violations(d: DecodedCapture): string[] {
  return Object.entries(d.status).filter(([, s]) => s.violation > 0).map(([k]) => k);
}

/** Distinct values of one kind (optionally only from one frame). */
export function values(d: DecodedCapture, kind: ObservationKind, frame?: number): string[] {
  const s = new Set<string>();
  for (const o of d.obs) if (o.kind === kind && (frame === undefined || o.frame === frame)) s.add(o.value);
  return [...s];
}

/** Parse a Zeek TSV log (#fields header) into records. */
export function zeekLog(text: string): Record<string, string>[] {
  let fields: string[] = [];
  const out: Record<string, string>[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#fields')) fields = line.split('\t').slice(1);
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    const r: Record<string, string> = {};
    fields.forEach((f, i) => (r[f] = cols[i] ?? ''));
    out.push(r);
  }
  return out;
}

/** Split a tcpdump `-#` text decode into per-frame blocks keyed by frame number. */
export function tcpdumpFrames(text: string): Map<number, string> {
  const m = new Map<number, string>();
  let cur = -1;
  let buf: string[] = [];
  for (const line of text.split('\n')) {
    const h = /^\s*(\d+)\s+\d{2}:\d{2}:\d{2}|^\s*(\d+)\s+\d{4}-\d{2}-\d{2}/.exec(line);
    if (h) {
      if (cur >= 0) m.set(cur, buf.join('\n'));
      cur = Number(h[1] ?? h[2]);
      buf = [line];
    } else if (cur >= 0) buf.push(line);
  }
  if (cur >= 0) m.set(cur, buf.join('\n'));
  return m;
}

export interface NdpiFlow {
  proto: string;
  a: string;
  aPort: number;
  b: string;
  bPort: number;
  app: string;
  host?: string;
}

/** Flow lines of an ndpiReader result: "1 UDP 10.0.4.131:137 -> 10.0.5.255:137 [proto: 10/NetBIOS]…[Hostname/SNI: x]". */
export function ndpiFlows(text: string): NdpiFlow[] {
  const out: NdpiFlow[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s+\d+\s+(UDP|TCP) ([0-9a-f.:[\]]+):(\d+) <?-> ([0-9a-f.:[\]]+):(\d+) .*?\[proto: [\d.]+\/([^\]]+)\]/.exec(line);
    if (!m) continue;
    const host = /\[Hostname\/SNI: ([^\]]+)\]/.exec(line)?.[1];
    out.push({ proto: m[1]!, a: m[2]!, aPort: Number(m[3]), b: m[4]!, bPort: Number(m[5]), app: m[6]!, ...(host ? { host } : {}) });
  }
  return out;
}

