// The application decoders behind the app's own packet walker (core/decoders/packet.ts): on captures
// whose frames it accepts, it must yield exactly what the lenient test walker yields, so the registry
// is wired the same way in both.
import { describe, expect, it } from 'vitest';
import { decodeFixture } from '../../helpers/app-capture';
import type { DecodedCapture } from '../../helpers/app-capture';

const key = (d: DecodedCapture): string[] =>
  d.obs.filter((o) => o.proto !== 'tcp').map((o) => `${o.frame} ${o.kind} ${o.value} ${o.mac ?? ''} ${o.ip ?? ''}`).sort();

describe('packet.ts integration', () => {
  for (const f of ['tcpdump/dhcp-mud.pcap', 'zeek/Traces/dhcp/dhcp.pcap', 'tcpdump/dhcpv6-ia-na.pcap', 'tcpdump/3560_CDP.pcap',
    'tcpdump/lldp_mudurl.pcap', 'zeek/Traces/snmp/snmpv1_get.pcap', 'zeek/Traces/raw_packets.pcap', 'ndpi/bacnet.pcap',
    'ndpi/netbios.pcap', 'zeek/Traces/http/get.pcap', 'ndpi/tls_esni_sni_both.pcap']) {
    it(`${f}: same observations through packet.ts as through the lenient walker`, () => {
      const lenient = decodeFixture(f, 'lenient');
      const packet = decodeFixture(f, 'packet');
      expect(key(lenient).length).toBeGreaterThan(0);
      expect(key(packet)).toEqual(key(lenient));
    });
  }
});
