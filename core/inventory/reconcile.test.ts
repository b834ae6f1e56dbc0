import { describe, expect, it } from 'vitest';
import type { Asset } from '../model/asset';
import type { Device, Evidence } from '../model/device';
import type { AssetId, DeviceId, Mac } from '../model/ids';
import type { ObservationKind } from '../model/observation';
import { reconcile } from './reconcile';

const asset = (id: string, a: Partial<Asset>): Asset => ({ id: id as AssetId, macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: 0, ...a });
const ev = (kind: ObservationKind, value: string, proto = 'test'): Evidence => ({ kind, value, proto, source: 'pcap', count: 1, firstSeen: 0, lastSeen: 0 });
const device = (id: string, d: Partial<Device>): Device => ({ id: id as DeviceId, ips: [], hostnames: [], firstSeen: 0, lastSeen: 0, packets: 1, evidence: [], ...d });
const mac = (s: string) => s as Mac;

// An inventory (as a sheet would give it) paired with what a capture of the same ward shows.
const assets: Asset[] = [
  asset('a-mac', { assetTag: 'T-1', macs: [mac('00:1b:44:11:3a:b7')], maker: 'Becton Dickinson', model: 'Alaris GP' }),
  asset('a-serial', { assetTag: 'T-2', serial: 'SHQ12345678', maker: 'GE Healthcare', model: 'CARESCAPE B650' }),
  asset('a-host', { assetTag: 'T-3', hostname: 'US-RAD-2.hospital.local', maker: 'Philips' }),
  asset('a-ip-ok', { assetTag: 'T-4', ips: ['10.9.0.40'], maker: 'Philips', model: 'IntelliVue MX450' }),
  asset('a-ip-wrong-maker', { assetTag: 'T-5', ips: ['10.9.0.50'], maker: 'Mindray' }),
  asset('a-ip-unknown', { assetTag: 'T-6', ips: ['10.9.0.60'], maker: 'Zoll' }),
  asset('a-missing', { assetTag: 'T-7', macs: [mac('00:1b:44:99:99:99')], serial: '1234' }),
  asset('a-gone', { assetTag: 'T-8', deleted: true, macs: [mac('00:aa:bb:cc:dd:ee')] }),
];
const devices: Device[] = [
  device('d-mac', { mac: mac('00:1b:44:11:3a:b7'), ips: ['10.9.0.10'] }),
  device('d-serial', { mac: mac('00:00:bc:00:00:02'), ips: ['10.9.0.20'], evidence: [ev('snmp-sys-descr', 'CARESCAPE Monitor B650 SN SHQ12345678 v2.0', 'snmp')] }),
  device('d-host', { mac: mac('00:00:bc:00:00:03'), ips: ['10.9.0.30'], evidence: [ev('hostname', 'us-rad-2', 'dhcp')] }),
  device('d-ip-ok', {
    mac: mac('00:09:fb:00:00:04'),
    ips: ['10.9.0.40'],
    identity: { maker: { value: 'Philips Medical Systems', confidence: 0.9, reasons: [], rules: [] } },
  }),
  device('d-ip-wrong-maker', { mac: mac('00:00:bc:00:00:05'), ips: ['10.9.0.50'], identity: { maker: { value: 'GE Healthcare', confidence: 0.9, reasons: [], rules: [] } } }),
  device('d-ip-unknown', { mac: mac('02:00:00:00:00:06'), ips: ['10.9.0.60'] }),
  device('d-stranger', { mac: mac('3c:22:fb:00:00:07'), ips: ['10.9.0.70'], evidence: [ev('snmp-sys-descr', 'serial 1234 firmware', 'snmp')] }),
  device('d-router', { mac: mac('00:00:0c:9f:f0:01'), ips: ['10.9.0.50'], router: true }),
];

describe('reconciliation', () => {
  const r = reconcile(assets, devices);
  const by = new Map(r.matched.map((m) => [m.assetId as string, m]));

  it('matches by MAC, then serial or hostname on the wire, then IP with maker/model agreement', () => {
    expect(by.get('a-mac')).toMatchObject({ deviceId: 'd-mac', how: 'mac', confidence: 0.99 });
    expect(by.get('a-serial')).toMatchObject({ deviceId: 'd-serial', how: 'serial' });
    expect(by.get('a-serial')!.reasons[0]).toMatch(/serial SHQ12345678 seen on the wire in snmp-sys-descr/);
    expect(by.get('a-host')).toMatchObject({ deviceId: 'd-host', how: 'hostname' });
    expect(by.get('a-ip-ok')).toMatchObject({ deviceId: 'd-ip-ok', how: 'ip', confidence: 0.7 });
    expect(by.get('a-ip-ok')!.reasons).toContain('maker Philips agrees');
    expect(by.get('a-ip-unknown')).toMatchObject({ deviceId: 'd-ip-unknown', how: 'ip', needsReview: true });
  });

  it('does not match an IP when the network says another maker, nor a short serial', () => {
    expect(by.has('a-ip-wrong-maker')).toBe(false);
    expect(by.has('a-missing')).toBe(false);
  });

  it('fills the three worklists', () => {
    expect(r.matched).toHaveLength(5);
    expect(r.inventoryNotSeen.sort()).toEqual(['a-ip-wrong-maker', 'a-missing']);
    expect(r.seenNotInInventory.sort()).toEqual(['d-ip-wrong-maker', 'd-router', 'd-stranger']);
  });

  it("keeps a person's link and unlink over inference on every re-run", () => {
    const decisions = [
      { assetId: 'a-mac' as AssetId, deviceId: 'd-mac' as DeviceId, action: 'unlink' as const, by: 'ana', at: 10 },
      { assetId: 'a-ip-wrong-maker' as AssetId, deviceId: 'd-ip-wrong-maker' as DeviceId, action: 'link' as const, by: 'ana', at: 11 },
      { assetId: 'a-missing' as AssetId, deviceId: 'd-gone' as DeviceId, action: 'link' as const, by: 'ana', at: 12 },
    ];
    for (let run = 0; run < 2; run++) {
      const r2 = reconcile(assets, devices, decisions);
      const m = new Map(r2.matched.map((x) => [x.assetId as string, x]));
      expect(m.has('a-mac')).toBe(false);
      expect(r2.inventoryNotSeen).toContain('a-mac');
      expect(r2.seenNotInInventory).toContain('d-mac');
      expect(m.get('a-ip-wrong-maker')).toMatchObject({ deviceId: 'd-ip-wrong-maker', how: 'person', confidence: 1 });
      expect(r2.staleDecisions.map((d) => d.deviceId)).toEqual(['d-gone']);
    }
    // A later link by a person undoes their earlier unlink.
    const r3 = reconcile(assets, devices, [...decisions, { assetId: 'a-mac' as AssetId, deviceId: 'd-mac' as DeviceId, action: 'link', by: 'ana', at: 20 }]);
    expect(r3.matched.find((x) => x.assetId === 'a-mac')).toMatchObject({ how: 'person' });
  });

  it('reports equally strong candidates as a conflict instead of guessing', () => {
    const twins = [
      asset('x1', { macs: [mac('00:1b:44:00:00:01')] }),
      asset('x2', { macs: [mac('00:1b:44:00:00:01')] }),
    ];
    const r4 = reconcile(twins, [device('dx', { mac: mac('00:1b:44:00:00:01') })]);
    expect(r4.matched).toHaveLength(0);
    expect(r4.conflicts).toEqual([{ deviceId: 'dx', assetIds: ['x1', 'x2'], how: 'mac' }]);
  });
});
