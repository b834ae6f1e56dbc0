import { describe, expect, it } from 'vitest';
import type { Asset } from '../model/asset';
import type { Device } from '../model/device';
import type { AssetId, DeviceId, Mac } from '../model/ids';
import { departmentRows, worklistRows } from './export';
import type { Mds2Facts } from './mds2';
import { mds2ForModel, riskSubject } from './subject';
import { buildRiskReport } from './worklist';

const form = (maker: string, model: string, storesPhi: boolean): Mds2Facts => ({ maker, model, storesPhi, remoteService: true, patchable: false, evidence: {}, answered: 10, source: `${model}.xlsx`, problems: [] });
const FORMS = [form('Becton, Dickinson and Company', 'Alaris PC Unit Model 8015', true), form('GE Healthcare', 'CARESCAPE B650', false)];

const asset = (p: Partial<Asset>): Asset => ({ id: 'a1' as AssetId, macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: 0, ...p });

describe('MDS2 per model', () => {
  it('applies a form to every unit of its model, through maker aliases', () => {
    expect(mds2ForModel('CareFusion', 'Alaris 8015 PC Unit', FORMS)?.source).toBe('Alaris PC Unit Model 8015.xlsx');
    expect(mds2ForModel('GE', 'CARESCAPE B650', FORMS)?.source).toBe('CARESCAPE B650.xlsx');
    expect(mds2ForModel('GE', 'CARESCAPE B450', FORMS)).toBeUndefined();
    expect(mds2ForModel('Philips', 'Alaris 8015 PC Unit', FORMS)).toBeUndefined();
    expect(mds2ForModel('BD', undefined, FORMS)).toBeUndefined();
  });
});

describe('riskSubject', () => {
  it('joins asset and device facts; the asset wins where both speak', () => {
    const device: Device = {
      id: 'd1' as DeviceId,
      mac: '00:1b:44:11:3a:b7' as Mac,
      ips: ['10.1.2.10'],
      hostnames: ['pcu-12'],
      firstSeen: 0,
      lastSeen: 0,
      packets: 10,
      evidence: [
        { kind: 'protocol', value: 'telnet', proto: 'tcp', source: 'pcap', count: 3, firstSeen: 0, lastSeen: 0 },
        { kind: 'vlan', value: '40', proto: '802.1q', source: 'pcap', count: 3, firstSeen: 0, lastSeen: 0 },
      ],
      identity: { category: { value: 'medical', confidence: 0.9, reasons: [], rules: [] }, os: { value: 'VxWorks 6.9', confidence: 0.6, reasons: [], rules: [] } },
    };
    const s = riskSubject({ asset: asset({ assetTag: 'BME-12', maker: 'CareFusion', model: 'Alaris 8015 PC Unit', department: 'ICU', lifeSupport: true, ips: ['10.1.2.10'] }), device, mds2Forms: FORMS });
    expect(s).toMatchObject({ id: 'a1', label: 'BME-12 · CareFusion Alaris 8015 PC Unit', category: 'medical', os: 'VxWorks 6.9', vlan: '40', lifeSupport: true, department: 'ICU', ips: ['10.1.2.10'] });
    expect(s.mds2?.storesPhi).toBe(true);
    const r = buildRiskReport([s], '2026-11-29');
    const names = r.worklist[0]!.risk.terms.map((t) => t.name);
    expect(names).toEqual(['cleartext protocols', 'stores PHI (MDS2)', 'remote service (MDS2)', 'not patchable (MDS2)', 'clinical criticality']);
    const rows = worklistRows(r);
    expect(rows[1]![10]).toMatch(/^cleartext protocols \+4 \(Telnet/);
    expect(departmentRows(r)[1]).toEqual(['ICU', '1', '1', String(r.worklist[0]!.score), String(r.worklist[0]!.score)]);
  });
});
