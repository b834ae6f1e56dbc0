// The first-run demo end to end (issue 6): load the bundled demo ward, start a survey, let the wall
// jack (LLDP 'switch-port' on a discovered switch) suggest the room, confirm a device from a network
// hint, scan with a wedge scanner, undo one confirmation, finish and compare with the previous round,
// and read the mobile-device lists and one asset's history.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, startHarness, RESULTS, pageErrors } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await h?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await h.page.screenshot({ path: join(RESULTS, 'walk-demo-failed.png') }).catch(() => undefined);
});

async function dismissToasts(page: Page) {
  const buttons = page.locator('.toasts').getByRole('button', { name: 'Dismiss' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

async function wedge(page: Page, text: string) {
  await page.keyboard.type(text, { delay: 0 });
  await page.keyboard.press('Enter');
}

describe('demo hospital walk', () => {
  it('loads the demo, walks a survey with hints and scans, and compares with the previous round', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Floor plans', exact: true }).click();
    await page.getByRole('button', { name: 'Load the demo hospital' }).click();
    await page.getByText(/Demo hospital loaded/).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.plan-svg .pin').length === 41);
    await page.screenshot({ path: join(RESULTS, 'walk-demo-1-plan.png') });
    await dismissToasts(page);

    await page.getByRole('button', { name: 'Surveys', exact: true }).click();
    await page.getByLabel('Name').fill('Autumn round');
    await page.getByRole('button', { name: 'Start survey' }).click();
    await page.getByText('Survey "Autumn round" started.').waitFor();
    await dismissToasts(page);
    await page.getByRole('button', { name: 'Walk it' }).click();

    // The laptop is plugged into the nurse station's jack: the hint offers that room.
    const hints = page.getByLabel('Network hints');
    await hints.getByText('jack SW-3B-01|Gi1/0/14').waitFor();
    await hints.getByRole('button', { name: 'Go to 3.05' }).click();
    await expect.poll(() => page.getByTestId('current-room').textContent()).toContain('Room 3.05');
    const cs = page.getByRole('list', { name: 'Network candidates' }).getByRole('listitem').filter({ hasText: 'W3B-CS-001' });
    await cs.getByRole('button', { name: 'It’s here' }).click();
    await page.getByTestId('scan-flash').filter({ hasText: '✓ W3B-CS-001' }).waitFor();

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await wedge(page, 'ROOM:3.01');
    await expect.poll(() => page.getByTestId('current-room').textContent()).toContain('Room 3.01');
    for (const tag of ['W3B-IP-001', 'W3B-IP-005', 'W3B-PM-001']) {
      await wedge(page, tag);
      await page.getByTestId('scan-flash').filter({ hasText: `✓ ${tag}` }).waitFor();
    }
    await wedge(page, 'W3B-IP-003');
    await page.getByTestId('scan-flash').filter({ hasText: 'MOVED: W3B-IP-003' }).waitFor();

    // A wrong scan is undone with Ctrl+Z: the confirmation stays on record, marked retracted.
    await wedge(page, 'W3B-PM-005');
    await page.getByTestId('scan-flash').filter({ hasText: '✓ W3B-PM-005' }).waitFor();
    await page.keyboard.press('Control+z');
    await page.getByText('Undone: Confirm W3B-PM-005').waitFor();
    await dismissToasts(page);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Confirm W3B-PM-005' }).isChecked()).toBe(false);
    await page.screenshot({ path: join(RESULTS, 'walk-demo-2-walk.png') });

    await page.getByRole('button', { name: 'Surveys', exact: true }).click();
    await page.getByRole('button', { name: 'Finish survey' }).click();
    await page.getByText('Survey "Autumn round" finished.').waitFor();
    await dismissToasts(page);
    const cmp = page.getByLabel('Comparison with the previous round');
    await cmp.getByText('Compared with “Ward 3B — spring round”').waitFor();
    await cmp.getByText('W3B-IP-003 (Infusion pump): 3.10 → 3.01').waitFor();
    await cmp.getByText(/^Moved \(1\)$/).waitFor();
    // 5 confirmed this round; the spring round confirmed 33 → at least 28 now missing.
    const missing = Number(/Missing \((\d+)\)/.exec((await cmp.getByText(/^Missing \(\d+\)$/).textContent()) ?? '')?.[1]);
    expect(missing).toBeGreaterThanOrEqual(28);

    // Mobile devices: stale and missing lists, and a history that shows the undone scan.
    const mobile = page.getByLabel('Mobile devices');
    await mobile.getByRole('tab', { name: /^Missing \(\d+\)/ }).click();
    await mobile.getByRole('cell', { name: 'W3B-IP-016' }).waitFor();
    await mobile.getByRole('tab', { name: /^All/ }).click();
    await mobile.getByRole('row').filter({ hasText: 'W3B-PM-005' }).getByRole('button', { name: 'History' }).click();
    await mobile.getByText(/room 3\.01 — scan by surveyor \(undone\)/).waitFor();
    await page.screenshot({ path: join(RESULTS, 'walk-demo-3-surveys.png'), fullPage: true });
    expect(pageErrors(page)).toEqual([]);
  });

  it('works by touch: tap a room on the plan, pinch to zoom (a touch-screen context of its own)', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    try {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(h.host.appUrl);
      await page.getByRole('button', { name: 'Floor plans', exact: true }).tap();
      await page.getByRole('button', { name: 'Load the demo hospital' }).tap();
      await page.getByText(/Demo hospital loaded/).waitFor();
      await page.getByRole('button', { name: 'Ward walk' }).tap();
      const room = page.locator('.plan-svg .room[data-room="3.03"] polygon');
      await room.waitFor();
      // The plan fits itself once its image has loaded: tap after that, as a person would.
      await page.locator('.plan-image').waitFor();
      await page.waitForFunction(() => (document.querySelector('.plan-stage') as HTMLElement | null)?.dataset['zoom'] !== undefined);
      await page.waitForTimeout(300);
      const b = (await room.boundingBox())!;
      await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height * 0.7);
      await expect.poll(() => page.getByTestId('current-room').textContent()).toContain('Room 3.03');

      const stage = page.locator('.plan-stage');
      const zoom0 = Number(await stage.getAttribute('data-zoom'));
      const v = (await page.getByTestId('plan-viewport').boundingBox())!;
      const cx = v.x + v.width / 2;
      const cy = v.y + v.height / 2;
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: cx - 40, y: cy, id: 1 }, { x: cx + 40, y: cy, id: 2 }] });
      for (let i = 1; i <= 10; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: cx - 40 - i * 10, y: cy, id: 1 }, { x: cx + 40 + i * 10, y: cy, id: 2 }] });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expect.poll(async () => Number(await stage.getAttribute('data-zoom'))).toBeGreaterThan(zoom0 * 2);
      // A pinch is not a tap: the room stays.
      expect(await page.getByTestId('current-room').textContent()).toContain('Room 3.03');
      await page.screenshot({ path: join(RESULTS, 'walk-demo-4-touch.png') });
      expect(errors).toEqual([]);
      await ctx.close();
    } finally {
      await browser.close();
    }
  });
});
