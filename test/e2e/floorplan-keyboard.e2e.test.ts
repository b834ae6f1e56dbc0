// Laying rooms out with the keyboard alone: choose a room from the list, type its outline, set it,
// undo it — no pointer involved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startHarness, RESULTS, pageErrors, readTables } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await h?.close();
});

async function roomShape(number: string): Promise<{ x: number; y: number }[] | undefined> {
  const rooms = ((await readTables(h.page, ['rooms'])).rooms ?? []) as { number: string; shape?: { x: number; y: number }[] }[];
  return rooms.find((r) => r.number === number)?.shape;
}

describe('floor plan with the keyboard alone', () => {
  it('sets a room outline from typed dimensions and undoes it', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Floor plans', exact: true }).click();
    await page.getByRole('button', { name: 'Load the demo hospital' }).click();
    await page.getByText(/Demo hospital loaded/).waitFor();
    const before = await roomShape('3.05');
    expect(before?.length).toBeGreaterThan(2);

    // Choose the room from the list with the keyboard.
    const item = page.getByRole('list', { name: 'Rooms on this floor' }).getByRole('button', { name: /^3\.05/ });
    await item.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Room 3.05' });
    await form.waitFor();
    // The demo plan is calibrated, so the outline is typed in metres.
    await form.getByLabel('Outline left (m)').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Set outline"
    await page.waitForFunction(async () => true);
    await expect.poll(async () => (await roomShape('3.05'))?.map((p) => [Math.round(p.x), Math.round(p.y)])).toEqual([
      [250, 200],
      [375, 200],
      [375, 300],
      [250, 300],
    ]);
    await page.screenshot({ path: join(RESULTS, 'floorplan-keyboard-outline.png') });

    // Ctrl+Z inside a text field is the field's own undo; from the button it undoes the last edit.
    await form.getByRole('button', { name: 'Set outline' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => JSON.stringify(await roomShape('3.05'))).toBe(JSON.stringify(before));
    expect(pageErrors(page)).toEqual([]);
  });
});
