import { describe, expect, it } from 'vitest';
import type { Device } from '../model/device';
import type { DeviceId, Mac } from '../model/ids';
import { assetSeenAt, currentJacks, hintReference, normaliseJack, recentCandidates } from './hints';
import { asset, room } from './fixtures.test-helpers';

function device(id: string, lastSeen: number, extra: Partial<Device> = {}): Device {
  return { id: id as DeviceId, ips: [], hostnames: [], firstSeen: 0, lastSeen, packets: 1, evidence: [], ...extra };
}

describe('network hints', () => {
  it('offers recent non-router devices with their linked assets, newest first', () => {
    const devs = [
      device('d1', 1000, { mac: '00:11:22:33:44:55' as Mac }),
      device('d2', 1500),
      device('gw', 1600, { router: true }),
      device('old', 10),
    ];
    const assets = [asset('a1', { macs: ['00:11:22:33:44:55' as Mac] }), asset('a2', { deviceId: 'd2' as DeviceId })];
    const c = recentCandidates(devs, assets, 2000, 1500);
    expect(c.map((x) => [x.device.id, x.asset?.id])).toEqual([
      ['d2', 'a2'],
      ['d1', 'a1'],
    ]);
    expect(assetSeenAt(devs, assets).get('a1' as never)).toBe(1000);
  });

  it('reports the current jack and the rooms that remember it', () => {
    const ev = (value: string, lastSeen: number) => ({ kind: 'switch-port' as const, value, proto: 'lldp', source: 'passive' as never, count: 1, firstSeen: 0, lastSeen });
    const devs = [device('sw', 900, { evidence: [ev('SW-3B | Gi1/0/12', 900), ev('SW-3B|Gi1/0/1', 100)] })];
    const rooms = [room('r1', '3.01', { jacks: ['SW-3B|Gi1/0/12'] }), room('r2', '3.02')];
    const j = currentJacks(devs, rooms, 1000, 500);
    expect(j).toHaveLength(1);
    expect(j[0]!.jack).toBe('SW-3B|Gi1/0/12');
    expect(j[0]!.rooms.map((r) => r.id)).toEqual(['r1']);
    expect(currentJacks(devs, rooms, 1000, 5000)).toHaveLength(2);
  });

  it('normalises jack text', () => {
    expect(normaliseJack(' SW | 12 ')).toBe('SW|12');
    expect(normaliseJack('no-port|')).toBeUndefined();
    expect(normaliseJack('nobar')).toBeUndefined();
  });

  it('measures hints from the newest traffic on record (imported captures), never from the future', () => {
    expect(hintReference([device('a', 500), device('b', 900)], 10_000)).toBe(900);
    expect(hintReference([device('a', 500), device('clock-skew', 20_000)], 10_000)).toBe(500);
    expect(hintReference([], 10_000)).toBe(10_000);
    // An imported capture from long ago still yields its devices as candidates relative to its end.
    const devs = [device('d1', 1_000), device('d2', 400)];
    const ref = hintReference(devs, 5_000_000);
    expect(recentCandidates(devs, [], ref, 300).map((c) => c.device.id)).toEqual(['d1']);
  });
});
