import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../../core/model/asset';
import { ascendingOrder, directed, haystack, projectAsset, searchOrder } from './inventory-model';

const asset = (id: string, f: Partial<Asset>): Asset => ({ id: id as never, macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: 0, ...f });

const assets = [
  asset('a1', { assetTag: 'BME-003', maker: 'Baxter', model: 'Sigma Spectrum', room: '3B-12', updatedAt: 30, macs: ['00:1b:44:11:3a:b7' as never] }),
  asset('a2', { assetTag: 'BME-001', maker: 'GE Healthcare', model: 'Carescape B650', room: '3B-14', updatedAt: 10, ips: ['10.1.2.3'] }),
  asset('a3', { maker: 'Baxter', model: 'Spectrum IQ', updatedAt: 20 }),
  asset('a4', { assetTag: 'BME-002', maker: 'Philips', description: 'Monitor in recovery', updatedAt: 40 }),
];
const rows = assets.map(projectAsset);
const hay = assets.map(haystack);
const tags = (o: Uint32Array) => [...o].map((i) => rows[i]!.assetTag ?? `(${rows[i]!.id})`);

describe('inventory model', () => {
  it('sorts ascending and descending with empty values last both ways', () => {
    const asc = ascendingOrder(rows, 'assetTag');
    expect(tags(directed(asc, 1))).toEqual(['BME-001', 'BME-002', 'BME-003', '(a3)']);
    expect(tags(directed(asc, -1))).toEqual(['BME-003', 'BME-002', 'BME-001', '(a3)']);
    expect([...directed(ascendingOrder(rows, 'updatedAt'), -1)].map((i) => rows[i]!.id)).toEqual(['a4', 'a1', 'a3', 'a2']);
    // Ties fall back to the id, so the order is stable between runs.
    expect([...directed(ascendingOrder(rows, 'maker'), 1)].map((i) => rows[i]!.id)).toEqual(['a1', 'a3', 'a2', 'a4']);
  });

  it('searches every word, case-insensitively, across tag, maker, model, room, MAC, IP and description', () => {
    const order = directed(ascendingOrder(rows, 'assetTag'), 1);
    expect(tags(searchOrder(order, hay, 'baxter'))).toEqual(['BME-003', '(a3)']);
    expect(tags(searchOrder(order, hay, 'BAXTER iq'))).toEqual(['(a3)']);
    expect(tags(searchOrder(order, hay, '3a:b7'))).toEqual(['BME-003']);
    expect(tags(searchOrder(order, hay, '10.1.2'))).toEqual(['BME-001']);
    expect(tags(searchOrder(order, hay, 'recovery'))).toEqual(['BME-002']);
    expect(tags(searchOrder(order, hay, 'nothing-like-this'))).toEqual([]);
    expect(searchOrder(order, hay, '   ')).toBe(order);
  });
});
