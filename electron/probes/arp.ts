// ARP who-has (RFC 826) on the local subnet, sent and heard through libpcap (the `cap` binding): the
// kernel offers no way to send one ARP request from user space without also sending IP traffic.
// Needs capture rights (root or CAP_NET_RAW); without them the answer says so and nothing is sent.
import { createRequire } from 'node:module';
import os from 'node:os';
import type { AttemptOutcome } from '../../core/probe-policy/limiter';
import { ipInCidr } from '../../core/probe-policy/net';
import { macFromBytes, parseMac } from '../../core/model/ids';
import type { Mac } from '../../core/model/ids';

interface CapHandle {
  open(device: string, filter: string, bufSize: number, buffer: Buffer): string;
  send(buffer: Buffer, length: number): void;
  setMinBytes?(n: number): void;
  on(ev: 'packet', fn: (nbytes: number, trunc: boolean) => void): void;
  close(): void;
}
interface CapModule {
  Cap: { new (): CapHandle; findDevice(ip: string): string | undefined };
}

let capModule: CapModule | undefined;
function loadCap(): CapModule {
  capModule ??= createRequire(import.meta.url)('cap') as CapModule;
  return capModule;
}

/** The local interface address whose subnet holds `ip` (ARP never leaves the link). */
export function localInterfaceFor(ip: string): { address: string; mac: Mac; cidr: string } | undefined {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family !== 'IPv4' || a.internal || !a.cidr) continue;
      const mac = parseMac(a.mac);
      if (mac && ipInCidr(ip, a.cidr)) return { address: a.address, mac, cidr: a.cidr };
    }
  }
  return undefined;
}

function ipBytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

export function arpRequestFrame(srcMac: Mac, srcIp: string, targetIp: string): Buffer {
  const mac = srcMac.split(':').map((h) => parseInt(h, 16));
  return Buffer.from([
    ...[0xff, 0xff, 0xff, 0xff, 0xff, 0xff], ...mac, 0x08, 0x06, // Ethernet: broadcast, us, ARP
    0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x01, // Ethernet/IPv4, request
    ...mac, ...ipBytes(srcIp), 0, 0, 0, 0, 0, 0, ...ipBytes(targetIp),
  ]);
}

export async function arpQuery(
  ip: string,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<{ outcome: AttemptOutcome; mac?: Mac; detail: string }> {
  const local = localInterfaceFor(ip);
  if (!local) return { outcome: 'error', detail: `${ip} is not on a directly attached subnet` };
  let cap: CapModule;
  try {
    cap = loadCap();
  } catch (err) {
    return { outcome: 'error', detail: `packet capture library unavailable: ${String((err as Error).message).slice(0, 80)}` };
  }
  const device = cap.Cap.findDevice(local.address);
  if (!device) return { outcome: 'error', detail: `no capture device for ${local.address}` };
  const c = new cap.Cap();
  const buffer = Buffer.alloc(65535);
  try {
    // only ARP replies: opcode 2 (arp[6:2]) from the target (sender protocol address at arp[14:4])
    c.open(device, `arp and arp[6:2] = 2 and arp[14:4] = 0x${ipHex(ip)}`, 1 << 20, buffer);
  } catch (err) {
    const m = String((err as Error).message);
    return { outcome: 'error', detail: /permit/i.test(m) ? 'ARP needs capture rights (run as root or grant CAP_NET_RAW)' : m.slice(0, 80) };
  }
  c.setMinBytes?.(0);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: { outcome: AttemptOutcome; mac?: Mac; detail: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      try {
        c.close();
      } catch {
        /* closed */
      }
      resolve(r);
    };
    const onAbort = () => finish({ outcome: 'error', detail: 'stopped' });
    const timer = setTimeout(() => finish({ outcome: 'timeout', detail: `no ARP reply in ${timeoutMs} ms` }), timeoutMs);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    c.on('packet', (n) => {
      if (n < 42 || buffer[12] !== 0x08 || buffer[13] !== 0x06 || buffer[21] !== 2) return;
      const spa = `${buffer[28]}.${buffer[29]}.${buffer[30]}.${buffer[31]}`;
      if (spa !== ip) return;
      finish({ outcome: 'answered', mac: macFromBytes(new Uint8Array(buffer.buffer, buffer.byteOffset + 22, 6)), detail: '' });
    });
    try {
      const frame = arpRequestFrame(local.mac, local.address, ip);
      c.send(frame, frame.length);
    } catch (err) {
      finish({ outcome: 'local-error', detail: String((err as Error).message).slice(0, 80) });
    }
  });
}

function ipHex(ip: string): string {
  return ipBytes(ip).map((b) => b.toString(16).padStart(2, '0')).join('');
}
