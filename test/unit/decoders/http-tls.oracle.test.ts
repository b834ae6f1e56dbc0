// HTTP and TLS decoders against Zeek (ssl.log, http.log, all-headers event dump), nDPI (flow SNI)
// and Arkime (session JSON).
import { describe, expect, it } from 'vitest';
import { decodeFixture, fixtureText, ndpiFlows, violations, zeekLog } from '../../helpers/app-capture';

describe('tls: SNI oracles', () => {
  for (const [pcap, log] of [
    ['zeek/Traces/tls/tls-conn-with-extensions.pcap', 'zeek/Baseline/scripts.base.protocols.ssl.basic/ssl.log'],
    ['zeek/Traces/tls/tls1.2.pcap', 'zeek/Baseline/scripts.base.protocols.ssl.tls-1.2/ssl.log'],
    ['zeek/Traces/tls/ecdhe.pcap', 'zeek/Baseline/scripts.base.protocols.ssl.ecdhe/ssl.log'],
  ] as const) {
    it(`${pcap}: server_name of Zeek's ssl.log is the client's tls-sni (and nothing else)`, () => {
      const d = decodeFixture(pcap);
      const recs = zeekLog(fixtureText(log));
      expect(recs.length).toBeGreaterThan(0);
      for (const r of recs) {
        const sni = d.obs.filter((o) => o.kind === 'tls-sni' && o.ip === r['id.orig_h']).map((o) => o.value);
        expect(sni).toEqual(r['server_name'] === '-' ? [] : [r['server_name']]);
      }
      expect(violations(d)).toEqual([]);
    });
  }

  it('nDPI tls_esni_sni_both: the SNI nDPI reports per flow', () => {
    const d = decodeFixture('ndpi/tls_esni_sni_both.pcap');
    const flows = ndpiFlows(fixtureText('ndpi/tls_esni_sni_both.pcap.out')).filter((f) => f.host && f.bPort === 443);
    expect(flows.length).toBe(2);
    const sni = d.obs.filter((o) => o.kind === 'tls-sni').map((o) => o.value);
    expect(sni.sort()).toEqual(flows.map((f) => f.host!).sort());
  });

  it('Arkime tls13: a TLS 1.3 ClientHello (draft-18) is read without a violation', () => {
    const d = decodeFixture('arkime/tls13.pcap');
    const s = (JSON.parse(fixtureText('arkime/tls13.test')) as { sessions3: { body: { tls?: { version: string[] }; source: { ip: string } } }[] }).sessions3;
    expect(s[0]!.body.tls?.version[0]).toMatch(/^TLSv1\.3/);
    expect(d.obs.filter((o) => o.kind === 'tls-sni' && o.ip === s[0]!.body.source.ip).length).toBe(1);
    expect(violations(d)).toEqual([]);
  });
});

describe('http: header oracles', () => {
  it('Zeek all-headers-event (get.pcap): User-Agent and Host of the request, Server of the response', () => {
    const d = decodeFixture('zeek/Traces/http/get.pcap');
    const text = fixtureText('zeek/Baseline/scripts.base.protocols.http.all-headers-event/out');
    const hdr = (n: string): string[] => [...text.matchAll(new RegExp(`name=${n}, value=(.*)\\]`, 'g'))].map((m) => m[1]!);
    expect(hdr('USER-AGENT').length).toBeGreaterThan(0);
    expect(d.obs.filter((o) => o.kind === 'http-user-agent').map((o) => o.value)).toEqual(hdr('USER-AGENT'));
    expect(d.obs.filter((o) => o.kind === 'http-host').map((o) => o.value)).toEqual(hdr('HOST'));
    expect(d.obs.filter((o) => o.kind === 'http-server').map((o) => o.value)).toEqual(hdr('SERVER'));
  });

  it('Zeek http.log (methods.pcap): host and user_agent of every request with a standard method', () => {
    const d = decodeFixture('zeek/Traces/http/methods.pcap');
    const recs = zeekLog(fixtureText('zeek/Baseline/scripts.base.protocols.http.http-methods/http.log'));
    const std = recs.filter((r) => ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'].includes(r['method']!));
    expect(std.length).toBeGreaterThan(5);
    const hosts = new Set(d.obs.filter((o) => o.kind === 'http-host').map((o) => `${o.ip} ${o.value}`));
    for (const r of std) if (r['host'] !== '-') expect(hosts.has(`${r['id.orig_h']} ${r['host']}`), r['method']).toBe(true);
    const uas = new Set(d.obs.filter((o) => o.kind === 'http-user-agent').map((o) => o.value));
    for (const r of std) if (r['user_agent'] !== '-') expect(uas.has(r['user_agent']!)).toBe(true);
  });

  it('Arkime http-simple-get: user agent, host, and (lowercased by Arkime) Server header', () => {
    const d = decodeFixture('arkime/http-simple-get.pcap');
    type H = { useragent: string[]; host: string[]; responseHeaderField: string[]; responseHeaderValue: string[] };
    const s = (JSON.parse(fixtureText('arkime/http-simple-get.test')) as { sessions3: { body: { http: H; source: { ip: string }; destination: { ip: string } } }[] }).sessions3[0]!.body;
    expect(d.obs.filter((o) => o.kind === 'http-user-agent' && o.ip === s.source.ip).map((o) => o.value)).toEqual(s.http.useragent);
    expect(d.obs.filter((o) => o.kind === 'http-host' && o.ip === s.source.ip).map((o) => o.value)).toEqual(s.http.host);
    const server = d.obs.filter((o) => o.kind === 'http-server' && o.ip === s.destination.ip).map((o) => o.value.toLowerCase());
    expect(s.http.responseHeaderValue).toContain(server[0]);
  });

  it('tcpdump ipv4_tcp_http_xml: the response Server header tcpdump prints', () => {
    const d = decodeFixture('tcpdump/ipv4_tcp_http_xml.pcap');
    const server = /Server: (.*)/.exec(fixtureText('tcpdump/ipv4_tcp_http_xml.out'))?.[1];
    expect(server).toBeTruthy();
    expect(d.obs.filter((o) => o.kind === 'http-server').map((o) => o.value)).toEqual([server!.trim()]);
  });
});
