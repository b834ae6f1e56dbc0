// DNS / mDNS / LLMNR decoder: annotated hex (RFC 1035 §4, RFC 6762, RFC 6763) and property tests.
import { describe, expect, it } from 'vitest';
import { decoderProperties, hex, hexOf, kv, run, PROP_CTX } from '../../test/helpers/decoder-props';
import { dnsDecoder, dnsTcpDecoder, llmnrDecoder, mdnsDecoder, readName, reverseNameToIp, serviceType } from './dns';

// An mDNS announcement from a printer-like device at 192.168.1.100 (offsets in brackets).
const MDNS = hex(`
  0000 8400 0000 0004 0000 0000                          # id 0, response + AA, 4 answers
  04 ${hexOf('_ipp')} 04 ${hexOf('_tcp')} 05 ${hexOf('local')} 00  # [12] _ipp._tcp.local ([22] = "local")
  000c 0001 00001194 0007                                 # PTR IN ttl 4500, rdlength 7
  04 ${hexOf('Pump')} c00c                                # [39] Pump._ipp._tcp.local
  c027 0021 8001 00000078 000e                            # SRV, cache-flush, rdlength 14
  0000 0000 0277                                          # priority, weight, port 631
  05 ${hexOf('pump7')} c016                               # [64] target pump7.local
  c027 0010 8001 00001194 001e                            # TXT, rdlength 30
  0c ${hexOf('ty=Pump 9000')} 08 ${hexOf('fv=1.2.3')} 07 ${hexOf('pw=s3cr')}
  c040 0001 8001 00000078 0004 c0a80164                   # A pump7.local = 192.168.1.100
`);

const QUERY = hex(`
  abcd 0100 0001 0000 0000 0000    # standard query, RD
  03 ${hexOf('www')} 07 ${hexOf('example')} 03 ${hexOf('com')} 00 0001 0001
`);

describe('dns names', () => {
  it('follows compression pointers and refuses loops', () => {
    expect(readName(MDNS, 64, 0, MDNS.length)?.name).toBe('pump7.local');
    const loop = hex('0000 0000 0001 0000 0000 0000 c00c 0001 0001');
    expect(readName(loop, 12, 0, loop.length)).toBeUndefined();
    const twoStep = hex('0000 0000 0001 0000 0000 0000 c00e c00c 0001 0001');
    expect(readName(twoStep, 12, 0, twoStep.length)).toBeUndefined();
    expect(run(dnsDecoder, loop).status).toBe('violation');
  });

  it('service types and reverse names', () => {
    expect(serviceType('HP LaserJet._ipp._tcp.local')).toBe('_ipp._tcp');
    expect(serviceType('_printer._sub._http._tcp.local')).toBe('_http._tcp');
    expect(reverseNameToIp('100.1.168.192.in-addr.arpa')).toBe('192.168.1.100');
    expect(reverseNameToIp('4.6.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa')).toBe('2001:db8::64');
  });
});

describe('mdns', () => {
  it('reads services, instance, port, identity TXT keys and the host name ↔ address', () => {
    const { status, obs } = run(mdnsDecoder, MDNS);
    expect(status).toBe('ok');
    expect(new Set(kv(obs))).toEqual(new Set([
      'mdns-service=_ipp._tcp', 'mdns-instance=Pump._ipp._tcp.local', 'service=tcp/631',
      'mdns-txt=ty=Pump 9000', 'mdns-txt=fv=1.2.3', 'hostname=pump7.local',
    ]));
    const host = obs.find((o) => o.kind === 'hostname')!;
    expect([host.mac, host.ip]).toEqual(['00:1b:44:11:3a:b7', '192.168.1.100']);
  });

  it('known answers inside a query describe other hosts and are ignored', () => {
    const q = MDNS.slice();
    q[2] = 0x00; // QR = 0: the same records as known answers of a query
    expect(run(mdnsDecoder, q).obs).toEqual([]);
  });
});

describe('unicast dns and llmnr', () => {
  it('a query is a name its sender asked for; the response repeats it for the receiver', () => {
    expect(kv(run(dnsDecoder, QUERY).obs)).toEqual(['dns-query=www.example.com']);
    const resp = QUERY.slice();
    resp[2] = 0x81;
    resp[3] = 0x80;
    const r = run(dnsDecoder, resp).obs;
    expect(r.map((o) => [o.kind, o.value, o.ip])).toEqual([['dns-query', 'www.example.com', PROP_CTX.dstIp]]);
  });

  it('DNS over TCP reads the length-prefixed message', () => {
    const tcp = new Uint8Array([0, QUERY.length, ...QUERY]);
    expect(kv(run(dnsTcpDecoder, tcp).obs)).toEqual(['dns-query=www.example.com']);
  });

  it('an LLMNR answer names its responder', () => {
    const llmnr = hex(`
      1111 8000 0001 0001 0000 0000      # response
      05 ${hexOf('pump7')} 00 0001 0001  # question pump7 A
      c00c 0001 0001 0000001e 0004 c0a80164
    `);
    expect(run(llmnrDecoder, llmnr).obs.map((o) => [o.kind, o.value, o.mac])).toEqual([['llmnr-name', 'pump7', '00:1b:44:11:3a:b7']]);
  });

  it('any bytes: never throws, returns a status (fast-check, fixed seed)', () => {
    decoderProperties(mdnsDecoder, MDNS, 0x5353);
    decoderProperties(dnsDecoder, QUERY, 0x53);
    decoderProperties(dnsTcpDecoder, new Uint8Array([0, QUERY.length, ...QUERY]), 0x530);
  });
});
