// Live capture under Node as root, with real packets: a veth pair whose far end sits in a network
// namespace made by this test (unique names, removed afterwards). From the namespace we send a
// DHCP DISCOVER (a UDP broadcast from a real socket) and ping, which makes the kernel ARP; the
// capture process must report the far end's MAC, its IPv4 address and its DHCP host name.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dhcpDiscover } from '../../core/capture/synth';
import type { Device } from '../../core/model/device';
import { CaptureError, captureErrorHint, listInterfaces, startLiveCapture } from './live-capture';

const isRoot = process.getuid?.() === 0;
const hasIp = ((): boolean => {
  try {
    execFileSync('ip', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const n = `${process.pid % 10000}${Math.floor(Math.random() * 90 + 10)}`;
const NS = `wwtest${n}`;
const A = `wwa${n}`;
const B = `wwb${n}`;
const MAC_B = '00:1b:44:77:00:02';
const sh = (...args: string[]): string => execFileSync(args[0]!, args.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('live capture hints', () => {
  it('explains missing privileges per operating system', () => {
    expect(captureErrorHint('socket: Operation not permitted', 'linux')).toMatch(/setcap cap_net_raw,cap_net_admin=eip/);
    expect(captureErrorHint('(cannot open BPF device) /dev/bpf0: Permission denied', 'darwin')).toMatch(/ChmodBPF.*access_bpf/);
    expect(captureErrorHint('wpcap.dll not found', 'win32')).toMatch(/Npcap/);
    expect(captureErrorHint('syntax error in filter', 'linux')).toBeUndefined();
  });
});

describe.skipIf(!isRoot || !hasIp)('live capture on a veth pair (needs root: skipped otherwise)', () => {
  beforeAll(() => {
    sh('ip', 'netns', 'add', NS);
    sh('ip', 'link', 'add', A, 'type', 'veth', 'peer', 'name', B, 'netns', NS);
    sh('ip', 'link', 'set', A, 'address', '00:1b:44:77:00:01', 'up');
    sh('ip', 'addr', 'add', '10.199.77.1/24', 'dev', A);
    sh('ip', '-n', NS, 'link', 'set', B, 'address', MAC_B, 'up');
    sh('ip', '-n', NS, 'addr', 'add', '10.199.77.2/24', 'dev', B);
    sh('ip', '-n', NS, 'link', 'set', 'lo', 'up');
  });
  afterAll(() => {
    try {
      sh('ip', 'link', 'del', A);
    } catch {
      /* already gone with the namespace */
    }
    try {
      sh('ip', 'netns', 'del', NS);
    } catch {
      /* not created */
    }
  });

  it('lists the interface', async () => {
    const ifs = await listInterfaces();
    expect(ifs.map((i) => i.name)).toContain(A);
  });

  it('reports the device behind the veth from a real DHCP discover and ARP, in batches', async () => {
    const batches: Device[][] = [];
    const cap = await startLiveCapture({ iface: A, batchMs: 100, onBatch: (d) => batches.push(d) });
    expect(cap.linkType).toBe('ETHERNET');
    const mac = MAC_B.split(':').map((h) => parseInt(h, 16)) as [number, number, number, number, number, number];
    const payload = Buffer.from(dhcpDiscover(mac, 0x1234, 'ww-live-probe', 'wardwalk-test')).toString('hex');
    const py = [
      'import socket,sys',
      's=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)',
      's.setsockopt(socket.SOL_SOCKET,socket.SO_BROADCAST,1)',
      `s.setsockopt(socket.SOL_SOCKET,socket.SO_BINDTODEVICE,b'${B}')`,
      "s.bind(('0.0.0.0',68))",
      `s.sendto(bytes.fromhex('${payload}'),('255.255.255.255',67))`,
    ].join('\n');
    sh('ip', 'netns', 'exec', NS, 'python3', '-c', py);
    // a unicast datagram to the near end makes the namespace's kernel ARP for it (no ping needed)
    sh('ip', 'netns', 'exec', NS, 'python3', '-c', "import socket\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\nfor i in range(3): s.sendto(b'x',('10.199.77.1',9))");
    const deadline = Date.now() + 8000;
    const find = (): Device | undefined => {
      for (let i = batches.length - 1; i >= 0; i--) {
        const d = batches[i]!.find((x) => x.mac === MAC_B);
        if (d && d.ips.includes('10.199.77.2') && d.hostnames.includes('ww-live-probe')) return d;
      }
      return undefined;
    };
    while (!find() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const stats = await cap.stop();
    const dev = find();
    expect(dev, `batches: ${JSON.stringify(batches.flat().map((d) => [d.mac, d.ips, d.hostnames]))}`).toBeDefined();
    expect(dev!.evidence.some((e) => e.kind === 'dhcp-vendor-class' && e.value === 'wardwalk-test' && e.source === 'live')).toBe(true);
    expect(stats.packets).toBeGreaterThanOrEqual(3);
    // batched: far fewer messages than packets, and each batch a list of changed devices only
    expect(batches.length).toBeLessThan(200);
  });

  it('fails with a clear message for an interface that does not exist', async () => {
    const err = await startLiveCapture({ iface: 'ww-no-such-if', onBatch: () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaptureError);
    expect((err as CaptureError).message).toMatch(/cannot capture on ww-no-such-if/);
  });
});
