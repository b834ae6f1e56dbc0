// Tier 3: real captures through the whole pass, against tshark's field decode as the oracle:
//   tshark -n -r FILE -T fields -e eth.src -e sll.src.eth -e arp.src.hw_mac -e arp.src.proto_ipv4 -e ip.src -e vlan.id
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../core/capture/reader';
import { DiscoveryEngine } from '../../core/discovery/engine';

const DIR = join(import.meta.dirname, '../fixtures/pcaps');
function devices(name: string) {
  const e = new DiscoveryEngine();
  readCapture(new Uint8Array(readFileSync(join(DIR, name))), (f) => e.addFrame(f.data, f.linkType, f.ts, f.origLen));
  return { devices: e.devices(), stats: e.stats };
}
const pairs = (name: string) =>
  devices(name)
    .devices.map((d) => [d.mac, d.ips.join(' ')])
    .sort();

describe('discovery on real captures matches tshark', () => {
  it('Ethernet ARP (Zeek arp-who-has.pcap): each sender once, with its address', () => {
    expect(pairs('arp-who-has.pcap')).toEqual([
      ['78:31:c1:c6:3f:c2', '10.0.0.2'],
      ['f8:ed:a5:c0:a4:f1', '10.0.0.1'],
    ]);
  });

  it('Linux cooked capture (Zeek linuxsll-arp.pcap): sender MACs from the SLL header, packet counts', () => {
    const { devices: d } = devices('linuxsll-arp.pcap');
    expect(d.map((x) => [x.mac, x.ips.join(' '), x.packets])).toEqual([
      ['00:50:56:8b:3f:0d', '192.168.22.81', 2],
      ['00:50:56:8b:cf:fa', '10.1.10.100', 9],
      ['cc:2d:e0:26:19:99', '192.168.22.1', 1],
    ]);
  });

  it('LLC/SNAP ARP in pcapng with two interfaces (Zeek snap-arp.pcapng)', () => {
    expect(pairs('snap-arp.pcapng')).toEqual([
      ['c2:3c:19:6c:00:01', '10.0.0.2'],
      ['c2:3d:19:6c:00:01', '10.0.0.1'],
    ]);
  });

  it('802.1ad QinQ (tcpdump 802.1ad_QinQ.pcap) and triple tags (Zeek vlan-qinqinq.pcap) with the VLAN as evidence', () => {
    expect(pairs('802.1ad_QinQ.pcap')).toEqual([
      ['00:20:d2:5a:fb:3f', '172.21.79.97'],
      ['00:80:ea:81:88:63', '172.21.79.100'],
    ]);
    const { devices: d } = devices('vlan-qinqinq.pcap');
    expect(d.map((x) => [x.mac, x.ips.join(' ')])).toEqual([
      ['00:10:db:88:d2:ef', '192.150.187.43'],
      ['c8:bc:c8:96:d2:a0', '141.142.228.5'],
    ]);
    expect(d[0]!.evidence.find((e) => e.kind === 'vlan')?.value).toBe('10'); // innermost of 30,20,10
  });

  it('an NS from :: (duplicate address detection) binds no address (tcpdump icmpv6-ns-nonce.pcap)', () => {
    const { devices: d } = devices('icmpv6-ns-nonce.pcap');
    expect(d.flatMap((x) => x.ips)).toEqual([]);
  });
});
