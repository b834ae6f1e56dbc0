// The inventory list at 20,000 assets (the 100,000-asset / 1,000,000-observation figures are in
// test/bench/scale.ts): opens, sorts both ways with empty tags last, searches by tag, by several
// words and by MAC, and scrolls to the end with only the visible rows in the DOM.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS, pageErrors, startHarness } from './harness';
import type { Harness } from './harness';
import { seedInventory } from './inventory-seed';

const N = 20_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await h?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await h.page.screenshot({ path: join(RESULTS, 'inventory-failed.png') }).catch(() => undefined);
});

const rows = (page: Page) => page.getByTestId('inventory-table').locator('.inv-body [role=row]:not(.inv-pending)');
const firstCells = async (page: Page, n: number) => {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await rows(page).nth(i).getByRole('gridcell').first().innerText());
  return out;
};

describe('inventory at 20,000 assets', () => {
  it('opens, sorts, searches and scrolls', async () => {
    const page = h.page;
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await seedInventory(page, N);
    await page.getByRole('button', { name: 'Inventory', exact: true }).click();
    await page.getByText(`${(N).toLocaleString('en-US')} assets`, { exact: true }).waitFor({ timeout: 60_000 });
    expect(await firstCells(page, 3)).toEqual(['BME-000001', 'BME-000002', 'BME-000003']);
    await page.screenshot({ path: join(RESULTS, 'inventory-20k.png') });

    // Descending by tag: the highest tag first.
    await page.getByRole('columnheader', { name: 'Asset tag' }).click();
    await expect.poll(() => firstCells(page, 2)).toEqual(['BME-019999', 'BME-019998']);
    expect(await page.getByRole('columnheader', { name: /Asset tag/ }).getAttribute('aria-sort')).toBe('descending');

    // Sort by room, then search.
    await page.getByRole('columnheader', { name: 'Room' }).click();
    await expect.poll(async () => rows(page).first().getByRole('gridcell').nth(6).innerText()).toBe('0-000');
    const search = page.getByLabel('Search the inventory');
    await search.fill('bme-01234');
    await page.getByText(`10 of ${N.toLocaleString('en-US')} assets match “bme-01234”`).waitFor();
    expect((await firstCells(page, 10)).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `BME-01234${i}`));
    // Every word must match: Baxter is maker i%10 == 0, building B10 is i%12 == 10, so i ≡ 10 (mod 60).
    await search.fill('Baxter b10');
    const expected = Array.from({ length: N }, (_, i) => i).filter((i) => i % 10 === 0 && i % 12 === 10).length;
    await page.getByText(`${expected} of ${N.toLocaleString('en-US')} assets match “Baxter b10”`).waitFor();
    expect(expected).toBe(334);
    // 12345 = 0x3039: its MAC is 00:1b:00:30:39:01.
    await search.fill('00:1b:00:30:39:01');
    await page.getByText(`1 of ${N.toLocaleString('en-US')} assets match “00:1b:00:30:39:01”`).waitFor();
    expect(await firstCells(page, 1)).toEqual(['BME-012345']);

    // Clear the search, sort by tag ascending and scroll to the very end: the untagged assets.
    await search.fill('');
    await page.getByText(`${N.toLocaleString('en-US')} assets`, { exact: true }).waitFor();
    await page.getByRole('columnheader', { name: /Asset tag/ }).click();
    await expect.poll(() => firstCells(page, 1)).toEqual(['BME-000001']);
    await page.locator('.inv-body').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = page.locator(`.inv-body [role=row][aria-rowindex="${N + 1}"]:not(.inv-pending)`);
    await last.waitFor();
    expect(await last.getByRole('gridcell').first().innerText()).toBe('');
    expect(await last.getByRole('gridcell').nth(1).innerText()).toMatch(/^SN\d+$/);
    // Only the visible window is in the DOM.
    expect(await page.locator('.inv-body [role=row]').count()).toBeLessThan(120);
    await page.screenshot({ path: join(RESULTS, 'inventory-20k-end.png') });
    expect(pageErrors(page)).toEqual([]);
  });
});
