import { describe, expect, it } from 'vitest';
import { ZeekLogParser, logTypeFromName, zeekTime } from './parse';

const TSV = [
  '#separator \\x09',
  '#set_separator\t,',
  '#empty_field\t(empty)',
  '#unset_field\t-',
  '#path\tdhcp',
  '#open\t2019-01-01-00-00-00',
  '#fields\tts\tuids\tclient_addr\tmac\thost_name\tmsg_types',
  '#types\ttime\tset[string]\taddr\tstring\tstring\tvector[string]',
  '1370200444.371332\tCBd1jA4,CZkB6t\t192.168.1.5\t00:0a:28:00:fa:42\tpump\\x09two\tDISCOVER,OFFER',
  '1370200444.371332\tCX\t-\t00:0a:28:00:fa:43\t(empty)\tREQUEST',
  'garbage line with no tabs',
  '#close\t2019-01-01-00-00-01',
];

describe('Zeek TSV', () => {
  it('reads headers, unset and empty fields, escapes', () => {
    const p = new ZeekLogParser('x');
    const recs = TSV.map((l) => p.line(l)).filter(Boolean);
    expect(p.path).toBe('dhcp');
    expect(recs).toHaveLength(2);
    expect(recs[0]!.get('host_name')).toBe('pump\ttwo');
    expect(recs[0]!.get('uids')).toBe('CBd1jA4,CZkB6t');
    expect(recs[1]!.has('client_addr')).toBe(false);
    expect(recs[1]!.has('host_name')).toBe(false);
    expect(p.stats).toMatchObject({ records: 2, malformed: 1, problems: { 'fewer values than #fields': 1 } });
  });
});

describe('Zeek JSON', () => {
  it('reads objects, arrays, nested ids, ISO timestamps', () => {
    const p = new ZeekLogParser('conn');
    const r = p.line('{"ts":"2020-01-01T00:00:01.500000Z","id.orig_h":"10.0.0.1","id":{"resp_h":"10.0.0.2"},"tunnel_parents":["a","b"],"local_orig":true}')!;
    expect(zeekTime(r.get('ts'))).toBe(Date.UTC(2020, 0, 1, 0, 0, 1, 500));
    expect(r.get('id.orig_h')).toBe('10.0.0.1');
    expect(r.get('id.resp_h')).toBe('10.0.0.2');
    expect(r.get('tunnel_parents')).toBe('a,b');
    expect(r.get('local_orig')).toBe('T');
    expect(p.line('{"broken":')).toBeUndefined();
    expect(p.line('[1,2]')).toBeUndefined();
    expect(p.stats.malformed).toBe(2);
  });

  it('never lets a hostile key pollute a prototype', () => {
    const p = new ZeekLogParser('conn');
    p.line('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('log type from file name', () => {
  it.each([
    ['conn.log', 'conn'],
    ['/nsm/zeek/logs/2024-01-01/conn.00:00:00-01:00:00.log.gz', 'conn'],
    ['dhcp.log.gz', 'dhcp'],
    ['known_hosts.log', 'known_hosts'],
    ['bacnet_discovery.log', 'bacnet_discovery'],
    ['x509.2024-01-01-10-00-00.log', 'x509'],
    ['http.json', 'http'],
  ])('%s → %s', (name, type) => expect(logTypeFromName(name)).toBe(type));
});
