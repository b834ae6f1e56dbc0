// The live-capture process (a child of main: child_process.fork under Node, utilityProcess in
// Electron). It owns the `cap` handle and the discovery engine, so packet handling never runs on
// the main process's event loop; the parent gets batched summaries (BATCH_MS apart, never one
// message per packet). Plain Node module: no electron import.
//
// Protocol (process.send / 'message'):
//   parent → child  { type: 'list' } | { type: 'start', iface, filter, batchMs? } | { type: 'stop' }
//   child → parent  { type: 'interfaces', interfaces } | { type: 'started', linkType, filter }
//                   { type: 'batch', devices, stats } | { type: 'stopped', stats, reason, message?, hint? }
import { createRequire } from 'node:module';
import { DiscoveryEngine } from '../../core/discovery/engine';
import type { Device } from '../../core/model/device';
import { captureErrorHint, DEFAULT_FILTER, LINKTYPE_BY_NAME, type LiveInterface, type LiveStats, type ToChild, type ToParent } from './live-protocol';

interface CapHandle {
  open(device: string, filter: string, bufSize: number, buffer: Buffer): string;
  close(): void;
  on(ev: 'packet', fn: (nbytes: number, truncated: boolean) => void): void;
  setMinBytes?: (n: number) => void;
}
interface CapModule {
  Cap: { new (): CapHandle; deviceList(): Array<{ name: string; description?: string; addresses: Array<{ addr?: string }>; flags?: string }> };
}

const require = createRequire(import.meta.url);

/** Electron's utilityProcess gives the child a parentPort instead of process.send. */
interface ParentPort {
  postMessage(m: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function send(m: ToParent): void {
  if (parentPort) parentPort.postMessage(m);
  else process.send?.(m);
}

function loadCap(): CapModule {
  return require('cap') as CapModule;
}

export function listInterfaces(): LiveInterface[] {
  const cap = loadCap();
  return cap.Cap.deviceList().map((d) => ({
    name: d.name,
    description: d.description,
    addresses: d.addresses.map((a) => a.addr).filter((a): a is string => typeof a === 'string'),
    loopback: /loopback/i.test(d.flags ?? '') || d.name === 'lo',
  }));
}

let active: { cap: CapHandle; timer: NodeJS.Timeout; flush: () => void; stats: () => LiveStats } | undefined;

function start(iface: string, filter: string, batchMs: number): void {
  const cap = loadCap();
  const c = new cap.Cap();
  const buffer = Buffer.alloc(65535);
  const engine = new DiscoveryEngine({ source: 'live' });
  let truncated = 0;
  let linkName: string;
  try {
    linkName = c.open(iface, filter, 16 * 1024 * 1024, buffer);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    send({ type: 'stopped', reason: 'error', message: `cannot capture on ${iface}: ${message}`, hint: captureErrorHint(message, process.platform), stats: zero() });
    return;
  }
  c.setMinBytes?.(0);
  const linkType = LINKTYPE_BY_NAME[linkName] ?? -1;
  const view = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  c.on('packet', (nbytes, trunc) => {
    if (trunc) truncated++;
    engine.addFrame(view.subarray(0, nbytes), linkType, Date.now(), nbytes);
  });
  const seen = new Map<string, string>();
  const stats = (): LiveStats => ({
    packets: engine.stats.packets,
    bytes: engine.stats.bytes,
    dropped: truncated, // cap 0.2.1 does not expose pcap_stats (kernel drops); frames cut by the buffer are counted here
    malformed: engine.stats.malformed,
    devices: seen.size,
  });
  const flush = (): void => {
    const changed: Device[] = [];
    for (const d of engine.devices()) {
      const sig = `${d.packets}|${d.evidence.length}|${d.ips.length}|${d.router ? 1 : 0}`;
      if (seen.get(d.id) !== sig) {
        seen.set(d.id, sig);
        changed.push(d);
      }
    }
    if (changed.length || engine.stats.packets) send({ type: 'batch', devices: changed, stats: stats() });
  };
  const timer = setInterval(flush, batchMs);
  active = { cap: c, timer, flush, stats };
  send({ type: 'started', linkType: linkName, filter });
}

function stop(reason: 'requested' | 'error' = 'requested'): void {
  if (!active) {
    send({ type: 'stopped', reason, stats: zero() });
    return;
  }
  clearInterval(active.timer);
  active.cap.close();
  active.flush();
  send({ type: 'stopped', reason, stats: active.stats() });
  active = undefined;
}

function zero(): LiveStats {
  return { packets: 0, bytes: 0, dropped: 0, malformed: 0, devices: 0 };
}

function onMessage(m: ToChild): void {
  try {
    if (m.type === 'list') send({ type: 'interfaces', interfaces: listInterfaces() });
    else if (m.type === 'start') start(m.iface, m.filter ?? DEFAULT_FILTER, m.batchMs ?? 250);
    else if (m.type === 'stop') {
      stop();
      if (parentPort) process.exit(0);
      else process.disconnect?.();
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    send({ type: 'stopped', reason: 'error', message, hint: captureErrorHint(message, process.platform), stats: zero() });
  }
}

if (parentPort) {
  // Electron utilityProcess (the packaged app): the parent kills the process when it is done.
  parentPort.on('message', (e) => onMessage(e.data as ToChild));
} else if (process.send) {
  // Node child_process.fork (the command line, tests).
  process.on('message', (m: ToChild) => onMessage(m));
  process.on('disconnect', () => {
    if (active) stop();
    process.exit(0);
  });
}
