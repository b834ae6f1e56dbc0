import { describe, expect, it } from 'vitest';
import { mergeBatch, mergeDevice } from './merge';
import type { Device } from '../model/device';

const dev = (over: Partial<Device>): Device => ({
  id: 'mac:00:1b:44:11:3a:b7' as Device['id'],
  mac: '00:1b:44:11:3a:b7' as Device['mac'],
  ips: ['10.0.0.5'],
  hostnames: ['pump-12'],
  firstSeen: 100,
  lastSeen: 200,
  packets: 10,
  evidence: [{ kind: 'hostname', value: 'pump-12', proto: 'dhcp', source: 'pcap', count: 2, firstSeen: 100, lastSeen: 150 }],
  ...over,
});

describe('mergeDevice', () => {
  it('unions evidence, adds counts, widens times', () => {
    const a = dev({});
    const b = dev({
      ips: ['10.0.0.5', '10.0.0.6'],
      firstSeen: 50,
      lastSeen: 300,
      packets: 5,
      evidence: [
        { kind: 'hostname', value: 'pump-12', proto: 'dhcp', source: 'pcap', count: 3, firstSeen: 50, lastSeen: 300 },
        { kind: 'dhcp-vendor-class', value: 'CareFusion', proto: 'dhcp', source: 'pcap', count: 1, firstSeen: 60, lastSeen: 60 },
      ],
    });
    const m = mergeDevice(a, b);
    expect(m.ips).toEqual(['10.0.0.5', '10.0.0.6']);
    expect(m.firstSeen).toBe(50);
    expect(m.lastSeen).toBe(300);
    expect(m.packets).toBe(15);
    expect(m.evidence).toEqual([
      { kind: 'hostname', value: 'pump-12', proto: 'dhcp', source: 'pcap', count: 5, firstSeen: 50, lastSeen: 300 },
      { kind: 'dhcp-vendor-class', value: 'CareFusion', proto: 'dhcp', source: 'pcap', count: 1, firstSeen: 60, lastSeen: 60 },
    ]);
    expect(a.evidence[0]!.count).toBe(2); // inputs untouched
  });

  it('merging the same capture twice only adds counts, never new facts', () => {
    const a = dev({});
    const twice = mergeDevice(a, a);
    expect(twice.evidence.map((e) => [e.kind, e.value])).toEqual(a.evidence.map((e) => [e.kind, e.value]));
    expect(twice.ips).toEqual(a.ips);
  });

  it('reports which devices are new', () => {
    const stored = new Map([[dev({}).id as string, dev({})]]);
    const other = dev({ id: 'mac:00:00:00:00:00:01' as Device['id'] });
    const r = mergeBatch(stored, [dev({}), other]);
    expect(r.newIds).toEqual(['mac:00:00:00:00:00:01']);
    expect(r.changed).toHaveLength(2);
  });
});
