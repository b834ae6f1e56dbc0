// Discover end to end: open real captures in the real renderer (file input and drag and drop), the
// worker decodes and identifies them, devices persist in IndexedDB, the evidence drawer explains the
// verdict, a person's correction sticks across a re-import of the same capture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startHarness, RESULTS, ROOT, pageErrors, readTables } from './harness';
import type { Harness } from './harness';

const CAM = join(ROOT, 'test/fixtures/labelled/iot-sentinel/D-LinkCam__Setup-C-7-STA.pcap');
const CDP = join(ROOT, 'test/fixtures/pcaps/3560_CDP.pcap');
const BROKEN = join(ROOT, 'test/fixtures/pcaps/unsupported-link-type-160.pcap');

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await h?.close();
});

describe('discover view', () => {
  it('opens capture files, lists identified devices, and persists them', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Discover' }).click();
    await page.getByText('No devices yet').waitFor();
    await page.locator('input[type=file][aria-label="Open capture files"]').setInputFiles([CAM, CDP]);
    await page.getByText(/devices \(\d+ new\) in/).first().waitFor({ timeout: 60_000 });
    const grid = page.getByRole('grid', { name: 'Devices' });
    await grid.getByText('DCS-935L').first().waitFor();
    await grid.getByText('Switch').first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'discover-list.png') });

    await grid.getByText('DCS-935L').first().click();
    const drawer = page.getByRole('complementary', { name: /Device DCS-935L/ });
    await drawer.getByRole('heading', { name: 'Evidence' + ' ' }).or(drawer.getByText(/^Evidence \(\d+\)$/)).first().waitFor();
    await expect(drawer.getByText('hostname').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(RESULTS, 'discover-drawer.png') });

    const stored = ((await readTables(page, ['devices'])).devices ?? []) as { mac?: string }[];
    expect(stored.map((d) => d.mac)).toEqual(expect.arrayContaining(['b0:c5:54:25:5b:0e', '00:19:06:ea:b8:85']));
    expect(pageErrors(page)).toEqual([]);
  });

  it('a person\'s correction sticks across a re-import of the same capture', async () => {
    const page = h.page;
    const drawer = page.getByRole('complementary', { name: /Device DCS-935L/ });
    await drawer.getByRole('button', { name: 'Correct Model' }).click();
    await drawer.getByRole('textbox', { name: 'Model correction' }).fill('DCS-935L Wi-Fi camera (ward 3B corridor)');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await drawer.getByText('DCS-935L Wi-Fi camera (ward 3B corridor)').waitFor();
    await page.locator('input[type=file][aria-label="Open capture files"]').setInputFiles([CAM]);
    await page.getByText(/devices \(0 new\) in/).first().waitFor({ timeout: 60_000 });
    await drawer.getByText('DCS-935L Wi-Fi camera (ward 3B corridor)').waitFor();
    await expect(drawer.getByText('set by a person').count()).resolves.toBeGreaterThan(0);
  });

  it('drag and drop works, and an unsupported capture gives a clear message and loses nothing', async () => {
    const page = h.page;
    const before = await page.getByRole('grid', { name: 'Devices' }).getByRole('row').count();
    const data = readFileSync(BROKEN).toString('base64');
    const dt = await page.evaluateHandle((b64) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const t = new DataTransfer();
      t.items.add(new File([bin], 'unsupported-link-type-160.pcap'));
      return t;
    }, data);
    await page.locator('section.discover').dispatchEvent('drop', { dataTransfer: dt });
    await page.getByText(/unsupported link type 160 \(USER13\)/).first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('grid', { name: 'Devices' }).getByRole('row').count()).toBe(before);
  });

  it('reads Zeek logs (gzipped TSV) into the same device list, with the sensor as the source', async () => {
    const page = h.page;
    await page.getByRole('tab', { name: /All devices/ }).click();
    const gz = gzipSync(readFileSync(join(ROOT, 'test/fixtures/zeek/dhcp.dhcp-all-msg-types/dhcp.log')));
    await page.locator('input[type=file][aria-label="Open capture files"]').setInputFiles([{ name: 'dhcp.00:00:00-01:00:00.log.gz', mimeType: 'application/gzip', buffer: gz }]);
    await page.getByText(/Zeek log lines/).first().waitFor({ timeout: 30_000 });
    const grid = page.getByRole('grid', { name: 'Devices' });
    await grid.getByText('btest.is.cool').first().click();
    const drawer = page.getByRole('complementary', { name: /Device btest\.is\.cool/ });
    await drawer.getByText('(zeek:zeek)').first().waitFor();
    await page.screenshot({ path: join(RESULTS, 'discover-zeek.png') });
    await drawer.getByRole('button', { name: 'Close' }).click();
  });

  it('unknown devices worklist orders by evidence', async () => {
    const page = h.page;
    await page.getByRole('tab', { name: /Unknown devices/ }).click();
    await page.getByText(/Ordered by how much evidence/).waitFor();
    await page.screenshot({ path: join(RESULTS, 'discover-unknown.png') });
  });
});
