// Probe codecs against real bytes. Sources of the fixtures (hex below):
//  - SNMP: zeek/zeek testing/btest/Traces/snmp/snmpv2_get.pcap @ a13de64f (BSD-3-Clause), frames 1–2
//    (a v2c GetRequest and its GetResponse); oracle: Zeek's baseline scripts.base.protocols.snmp.v2.
//  - NBNS: ntop/nDPI tests/cfgs/default/pcap/netbios.pcap @ 3b1286ab (LGPL-3.0), frame 55 (NBSTAT
//    response), UDP payload extracted with `tshark -Y frame.number==55 -T fields -e udp.payload`;
//    oracle: tshark's decode (names GUNNAR, VIGILANT_GROUP; unit id 00:1c:c4:10:79:0f).
//  - mDNS: zeek/zeek testing/btest/Traces/dns/mdns-no-assoc.pcap @ a13de64f (BSD-3-Clause), frame 3.
//  - DICOM: the A-ASSOCIATE-AC, P-DATA (C-ECHO-RSP) and A-RELEASE-RP that dcmtk storescp 3.6.7
//    (Debian 12) sent back to encodeAssociateRq/encodeEchoRq/encodeReleaseRq on this machine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeAssociateAc,
  decodeEchoRsp,
  encodeAssociateRq,
  encodeEchoRq,
  encodeReleaseRq,
  splitPdus,
} from './dicom-echo';
import { decodeResponse, encodeQuery, readName, serviceType } from './mdns-query';
import { decodeNodeStatus, encodeNodeStatus } from './nbns-status';
import { decodeSystemResponse, encodeGet, encodeOid, encodeSystemGet } from './snmp-get';
import { decodeSearchResponse, encodeMSearch } from './ssdp-search';

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
const str = (b: Uint8Array) => String.fromCharCode(...b);
const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

const ZEEK_SNMP_GET = '302b02010104067075626c6963a01e02043563d30a0201000201003010300e060a2b0601020102020111010500';
const ZEEK_SNMP_RESPONSE = '302e02010104067075626c6963a22102043563d30a02010002010030133011060a2b06010201020201110141030d0973';
const NDPI_NBSTAT =
  '20a88400000000010000000020434b41414141414141414141414141414141414141414141414141414141414100002100010000000000770447554e4e4152202020202020202020000400564947494c414e545f47524f55502000840047554e4e4152202020202020202020200400564947494c414e545f47524f5550201e8400001cc410790f00000000000000000000000000000000000000000000000000000000000000000000000000000000';
const ZEEK_MDNS_RESPONSE = '00008400000000010000000011756e72656c617465642d7265706c792d61056c6f63616c0000010001000000780004c0a80002';
const DCMTK_AC =
  '0200000000b8000100005741524433425f5041435320202020205741524457414c4b2020202020202020000000000000000000000000000000000000000000000000000000000000000010000015312e322e3834302e31303030382e332e312e312e31210000190100000040000011312e322e3834302e31303030382e312e325000003a51000004000040005200001b312e322e3237362e302e373233303031302e332e302e332e362e375500000f4f464649535f44434d544b5f333637';
const DCMTK_ECHO_RSP =
  '0400000000540000005001030000000004000000420000000000020012000000312e322e3834302e31303030382e312e310000000001020000003080000020010200000001000000000802000000010100000009020000000000';
const DCMTK_RELEASE_RP = '06000000000400000000';

describe('SNMP GetRequest / GetResponse', () => {
  it('encodes a GetRequest byte for byte like the real one in the Zeek trace', () => {
    expect(toHex(encodeGet('public', 0x3563d30a, ['1.3.6.1.2.1.2.2.1.17.1']))).toBe(ZEEK_SNMP_GET);
    // sysDescr.0: 06 08 2b 06 01 02 01 01 01 00; large arcs use base-128 continuation bytes
    expect(toHex(Uint8Array.from(encodeOid('1.3.6.1.2.1.1.1.0')))).toBe('06082b06010201010100');
    expect(toHex(Uint8Array.from(encodeOid('1.3.6.1.4.1.8072.3')))).toBe('06082b06010401bf0803');
  });

  it('asks for the five system scalars with GetRequest (0xA0) only', () => {
    const b = encodeSystemGet('wardwalk-ro', 7);
    expect(b[0]).toBe(0x30);
    const t = toHex(b);
    // message SEQUENCE { version 1, community, GetRequest-PDU (0xA0) … }: the PDU tag sits right after the community
    expect(t.startsWith('3081') || t.startsWith('30')).toBe(true);
    expect(t.slice(4, 10)).toBe('020101');
    expect(t.slice(10, 14 + 22)).toBe('040b' + toHex(bytes('wardwalk-ro')));
    expect(t.slice(36, 38)).toBe('a0');
    for (const oid of ['06082b06010201010100', '06082b06010201010200', '06082b06010201010400', '06082b06010201010500', '06082b06010201010600']) expect(t).toContain(`${oid}0500`);
  });

  it('decodes the real GetResponse (request id, no error) and ignores non-system OIDs', () => {
    expect(decodeSystemResponse(hex(ZEEK_SNMP_RESPONSE))).toEqual({ requestId: 0x3563d30a, errorStatus: 0, errorIndex: 0, values: {}, missing: [] });
    expect(decodeSystemResponse(hex(ZEEK_SNMP_GET))).toBeUndefined(); // a request is not a response
  });
});

describe('DICOM C-ECHO PDUs', () => {
  it('builds an A-ASSOCIATE-RQ per PS3.8 §9.3.2', () => {
    const rq = encodeAssociateRq('WARDWALK', 'WARD3B_PACS');
    expect(rq[0]).toBe(0x01);
    expect((rq[2]! << 24) | (rq[3]! << 16) | (rq[4]! << 8) | rq[5]!).toBe(rq.length - 6);
    expect(String.fromCharCode(...rq.subarray(10, 26))).toBe('WARD3B_PACS     '); // called AE, space padded
    expect(String.fromCharCode(...rq.subarray(26, 42))).toBe('WARDWALK        '); // calling AE
    expect(rq[74]).toBe(0x10); // application context item right after the 32 reserved bytes
    const t = str(rq);
    expect(t).toContain('1.2.840.10008.3.1.1.1');
    expect(t).toContain('1.2.840.10008.1.1'); // Verification SOP class
    expect(t).toContain('1.2.840.10008.1.2'); // Implicit VR Little Endian
  });

  it('builds a C-ECHO-RQ whose group length matches its elements', () => {
    const p = encodeEchoRq(1);
    const { pdus } = splitPdus(p);
    expect(pdus).toHaveLength(1);
    const body = pdus[0]!.body;
    expect(body[5]).toBe(0x03); // command, last fragment
    const groupLen = body[14]! | (body[15]! << 8) | (body[16]! << 16) | (body[17]! << 24);
    expect(groupLen).toBe(body.length - 18);
    expect(toHex(encodeReleaseRq())).toBe('05000000000400000000');
  });

  it("decodes dcmtk storescp's real answers", () => {
    const ac = splitPdus(hex(DCMTK_AC)).pdus[0]!;
    expect(ac.type).toBe(2);
    expect(decodeAssociateAc(ac.body)).toEqual({
      calledAe: 'WARD3B_PACS', callingAe: 'WARDWALK', pcResult: 0, implClassUid: '1.2.276.0.7230010.3.0.3.6.7', implVersion: 'OFFIS_DCMTK_367', maxPdu: 16384,
    });
    const rsp = splitPdus(hex(DCMTK_ECHO_RSP)).pdus[0]!;
    expect(decodeEchoRsp(rsp.body)).toEqual({ status: 0, messageIdBeingRespondedTo: 1 });
    expect(splitPdus(hex(DCMTK_RELEASE_RP)).pdus[0]!.type).toBe(6);
    // split across reads: the header alone is not a PDU yet
    const part = splitPdus(hex(DCMTK_ECHO_RSP).subarray(0, 10));
    expect(part).toEqual({ pdus: [], used: 0, bad: false });
  });
});

describe('NBNS node status', () => {
  it('encodes the NBSTAT * request of RFC 1002 §4.2.17', () => {
    const q = encodeNodeStatus(0x20a8);
    expect(toHex(q.subarray(0, 12))).toBe('20a8' + '0000' + '0001' + '0000' + '0000' + '0000'); // id, flags, QD=1
    // the encoded name "*" is byte for byte the one the real node echoed back in its answer
    expect(toHex(q.subarray(12, 46))).toBe(NDPI_NBSTAT.slice(24, 24 + 68));
    expect(toHex(q.subarray(46))).toBe('00210001'); // NBSTAT, IN
  });
  it('decodes the real response from the nDPI capture', () => {
    expect(decodeNodeStatus(hex(NDPI_NBSTAT))).toEqual({
      id: 0x20a8,
      names: [
        { name: 'GUNNAR', suffix: 0x00, group: false },
        { name: 'VIGILANT_GROUP', suffix: 0x00, group: true },
        { name: 'GUNNAR', suffix: 0x20, group: false },
        { name: 'VIGILANT_GROUP', suffix: 0x1e, group: true },
      ],
      mac: '00:1c:c4:10:79:0f',
    });
  });
});

describe('DNS-SD / mDNS', () => {
  it('encodes the service enumeration query', () => {
    const q = encodeQuery(0x1234);
    expect(readName(q, 12)!.name).toBe('_services._dns-sd._udp.local');
    expect(toHex(q.subarray(q.length - 4))).toBe('000c0001'); // PTR, IN
  });
  it('decodes a real mDNS response', () => {
    expect(decodeResponse(hex(ZEEK_MDNS_RESPONSE))).toEqual({ id: 0, answers: [{ name: 'unrelated-reply-a.local', type: 1 }] });
    expect(serviceType('_ipp._tcp.local')).toBe('_ipp._tcp');
    expect(serviceType('printer.local')).toBeUndefined();
  });
  it('refuses compression loops', () => {
    const loop = hex('0000840000000001000000000c00c00c000c0001');
    expect(decodeResponse(loop)).toBeUndefined();
  });
});

describe('SSDP', () => {
  it('sends a unicast M-SEARCH without MX and reads the response headers', () => {
    const m = str(encodeMSearch('10.0.0.5', 'Wardwalk-probe/0.1'));
    expect(m.startsWith('M-SEARCH * HTTP/1.1\r\nHOST: 10.0.0.5:1900\r\nMAN: "ssdp:discover"\r\n')).toBe(true);
    expect(m).not.toMatch(/MX:/);
    const r = decodeSearchResponse(bytes('HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nSERVER: Linux/3.14 UPnP/1.0 Acme-Monitor/2.1\r\nLOCATION: http://10.0.0.5:49152/desc.xml\r\nUSN: uuid:1234::upnp:rootdevice\r\n\r\n'));
    expect(r).toEqual({ status: 200, headers: { 'cache-control': 'max-age=1800', server: 'Linux/3.14 UPnP/1.0 Acme-Monitor/2.1', location: 'http://10.0.0.5:49152/desc.xml', usn: 'uuid:1234::upnp:rootdevice' } });
    expect(decodeSearchResponse(bytes('NOTIFY * HTTP/1.1\r\n\r\n'))).toBeUndefined();
  });
});

describe('hostile bytes: every decoder terminates without throwing (fast-check, fixed seed)', () => {
  const real = [ZEEK_SNMP_RESPONSE, NDPI_NBSTAT, ZEEK_MDNS_RESPONSE, DCMTK_AC, DCMTK_ECHO_RSP].map(hex);
  const decoders: Array<(b: Uint8Array) => unknown> = [
    decodeSystemResponse,
    decodeNodeStatus,
    decodeResponse,
    decodeSearchResponse,
    (b) => splitPdus(b).pdus.map((p) => [decodeAssociateAc(p.body), decodeEchoRsp(p.body)]),
    (b) => [decodeAssociateAc(b), decodeEchoRsp(b)],
  ];
  it('on every truncation of the real fixtures', () => {
    for (const r of real) for (let n = 0; n <= r.length; n++) for (const d of decoders) expect(() => d(r.subarray(0, n))).not.toThrow();
  });
  it('on random corruptions of the real fixtures and on random bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: real.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.uint8Array({ maxLength: 300 }), (i, flips, random) => {
        const b = Uint8Array.from(real[i]!);
        for (const [pos, v] of flips) b[pos % b.length] = v;
        for (const d of decoders) {
          expect(() => d(b)).not.toThrow();
          expect(() => d(random)).not.toThrow();
        }
      }),
      { seed: 0x5eed, numRuns: 1000 },
    );
  });
});
