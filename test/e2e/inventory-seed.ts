// Generates a large inventory inside the page (nothing crosses the wire but a count): assets and
// observations written straight to IndexedDB in chunks of 10,000, each chunk its own transaction
// (one 100k-record transaction is several times slower in Chromium).
import type { Page } from 'playwright-core';

export const MAKERS = ['Baxter', 'Becton Dickinson', 'GE Healthcare', 'Philips', 'Mindray', 'Draeger', 'Siemens Healthineers', 'Fresenius Kabi', 'Masimo', 'Hamilton Medical'];
export const TYPES = ['infusion-pump', 'patient-monitor', 'ventilator', 'syringe-pump', 'ultrasound', 'ecg', 'defibrillator', 'workstation'];

/** Asset i's tag: every 50th asset has none (sorted last), the others BME-000000… */
export const tagOf = (i: number) => (i % 50 === 0 ? undefined : `BME-${String(i).padStart(6, '0')}`);

export async function seedInventory(page: Page, assets: number, observations = 0): Promise<{ assetsMs: number; observationsMs: number }> {
  return page.evaluate(
    async ({ n, obs, makers, types }) => {
      const open = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('wardwalk');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => resolve(req.result);
        });
      const idb = await open();
      const chunk = async (store: string, from: number, to: number, make: (i: number) => unknown) =>
        new Promise<void>((resolve, reject) => {
          const tx = idb.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          for (let i = from; i < to; i++) os.put(make(i));
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const hex = (v: number) => v.toString(16).padStart(2, '0');
      const now = Date.now();
      const t0 = performance.now();
      for (let from = 0; from < n; from += 10_000) {
        await chunk('assets', from, Math.min(n, from + 10_000), (i) => {
          const a: Record<string, unknown> = {
            id: `asset_${String(i).padStart(7, '0')}`,
            serial: `SN${(i * 7919) % 100_000_007}`,
            maker: makers[i % makers.length],
            model: `Model ${String.fromCharCode(65 + (i % 26))}${i % 97}`,
            type: types[i % types.length],
            department: `Dept ${i % 40}`,
            site: 'General',
            building: `B${i % 12}`,
            floor: `${i % 9}`,
            room: `${i % 9}-${String(i % 400).padStart(3, '0')}`,
            status: i % 23 === 0 ? 'out-of-service' : 'in-service',
            macs: [`00:1b:${hex((i >> 16) & 255)}:${hex((i >> 8) & 255)}:${hex(i & 255)}:01`],
            ips: [`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`],
            extra: { 'Cost centre': String(4000 + (i % 300)) },
            original: {},
            version: 1,
            updatedAt: now - i * 1000,
          };
          if (i % 50 !== 0) a.assetTag = `BME-${String(i).padStart(6, '0')}`;
          return a;
        });
      }
      const t1 = performance.now();
      const kinds = ['dhcp-hostname', 'dhcp-vendor-class', 'http-user-agent', 'tls-sni', 'dns-query', 'lldp-system-name'];
      for (let from = 0; from < obs; from += 10_000) {
        await chunk('observations', from, Math.min(obs, from + 10_000), (i) => ({
          id: `obs_${String(i).padStart(8, '0')}`,
          deviceId: `dev_${String(i % n).padStart(7, '0')}`,
          kind: kinds[i % kinds.length],
          value: `value-${i % 5000}`,
          source: 'capture',
          ts: now - i * 10,
        }));
      }
      const t2 = performance.now();
      idb.close();
      return { assetsMs: t1 - t0, observationsMs: t2 - t1 };
    },
    { n: assets, obs: observations, makers: MAKERS, types: TYPES },
  );
}
