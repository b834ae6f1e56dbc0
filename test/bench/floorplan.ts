// Benchmark: pan and zoom a floor plan carrying 2,000 device pins in Chromium (built renderer + the
// loopback test host). The demo ward is loaded through the UI, 2,000 assets are written into its
// rooms through IndexedDB, the page reloads, and a scripted pan (pointer drag) and zoom (wheel) run
// while requestAnimationFrame records frame times. Peer, same run, same page: the same script with
// the pins hidden (the plan and room outlines only) — the baseline frame time.
//
// Frame pacing is unlocked (--disable-gpu-vsync --disable-frame-rate-limit) so a frame's time is the
// work it took, not the 16.7 ms vsync slot; only frames in which the plan's transform changed count.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, RESULTS, chromiumPath, startHarness } from '../e2e/harness';
import type { BenchResult } from './types';

const PINS = 2000;

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] ?? NaN, frames: s.length, over16: s.filter((x) => x > 16.7).length };
}

async function seed(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('wardwalk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const tx = idb.transaction(['rooms', 'assets'], 'readwrite');
          const rooms = tx.objectStore('rooms').getAll();
          rooms.onsuccess = () => {
            const live = (rooms.result as { id: string; number: string; deleted?: boolean }[]).filter((r) => !r.deleted);
            const store = tx.objectStore('assets');
            const types = ['infusion-pump', 'patient-monitor', 'ultrasound', 'ventilator', 'workstation', 'ecg'];
            for (let i = 0; i < count; i++) {
              const r = live[i % live.length]!;
              store.put({ id: `asset_bench_${i}`, assetTag: `BENCH-${String(i).padStart(5, '0')}`, type: types[i % types.length], roomId: r.id, room: r.number, status: i % 17 === 0 ? 'out-of-service' : 'in-service', macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: Date.now() });
            }
          };
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    n,
  );
}

/** Scripted pan then zoom; returns the frame times (ms) of frames that moved the plan, per phase. */
async function script(page: Page): Promise<{ pan: number[]; zoom: number[] }> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const w = window;
    w.__frames = [];
    w.__stop = false;
    const stage = document.querySelector('.plan-stage');
    let lastT = performance.now();
    let lastX = stage.style.transform;
    const loop = (t) => {
      const x = stage.style.transform;
      if (x !== lastX) w.__frames.push(t - lastT);
      lastX = x;
      lastT = t;
      if (!w.__stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);
  const box = (await page.getByTestId('plan-viewport').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // Pan: a 3-second-ish drag around a loop.
  for (let rep = 0; rep < 2; rep++) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i <= 120; i++) {
      const a = (i / 120) * Math.PI * 2;
      await page.mouse.move(cx + Math.sin(a) * 250, cy + (1 - Math.cos(a)) * 120);
    }
    await page.mouse.up();
  }
  await page.waitForTimeout(50);
  const pan = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[] };
    const f = w.__frames.slice(1);
    w.__frames = [];
    return f;
  });
  // Zoom: in and out around the centre.
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 60; i++) await page.mouse.wheel(0, i < 30 ? -40 : 40);
  await page.waitForTimeout(100);
  const zoom = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
  return { pan, zoom };
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(join(ROOT, 'renderer/dist/index.html'))) execFileSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: 'inherit' });
  // The harness gives the loopback host; its own browser is closed and a second one, with frame
  // pacing unlocked, opens the same app (the harness's launch options stay untouched).
  const h = await startHarness({ viewport: { width: 1440, height: 900 } });
  await h.context.close();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'], headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(h.host.appUrl);
    await page.getByRole('button', { name: 'Floor plans', exact: true }).click();
    await page.getByRole('button', { name: 'Load the demo hospital' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.plan-svg .pin').length > 0);
    const t0 = performance.now();
    await seed(page, PINS);
    const seedMs = performance.now() - t0;
    await page.reload();
    await page.getByRole('button', { name: 'Floor plans', exact: true }).click();
    const r0 = performance.now();
    await page.waitForFunction((n) => document.querySelectorAll('.plan-svg .pin').length >= n, PINS, { timeout: 60_000 });
    const firstRenderMs = performance.now() - r0;
    const pins = await page.locator('.plan-svg .pin').count();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS, 'bench-floorplan-2000-pins.png') });

    const a = await script(page);
    const withPins = stats([...a.pan, ...a.zoom]);
    const panPins = stats(a.pan);
    const zoomPins = stats(a.zoom);
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.getByLabel('Pins').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('.plan-svg .pin').length === 0);
    await page.waitForTimeout(300);
    const b = await script(page);
    const without = stats([...b.pan, ...b.zoom]);
    const panPeer = stats(b.pan);
    const zoomPeer = stats(b.zoom);
    await context.close();
    return [
      {
        name: `floorplan: pan + zoom with ${pins} pins (peer: same page, pins hidden)`,
        metrics: {
          pins,
          'frame ms median (pins)': withPins.median,
          'frame ms p95 (pins)': withPins.p95,
          'frame ms max (pins)': withPins.max,
          'frames (pins)': withPins.frames,
          'frames > 16.7 ms (pins)': withPins.over16,
          'frame ms median (peer: no pins)': without.median,
          'frame ms p95 (peer: no pins)': without.p95,
          'frames (peer)': without.frames,
          'pan median / p95 (pins)': `${panPins.median.toFixed(1)} / ${panPins.p95.toFixed(1)} ms`,
          'pan median / p95 (peer)': `${panPeer.median.toFixed(1)} / ${panPeer.p95.toFixed(1)} ms`,
          'zoom median / p95 (pins)': `${zoomPins.median.toFixed(1)} / ${zoomPins.p95.toFixed(1)} ms`,
          'zoom median / p95 (peer)': `${zoomPeer.median.toFixed(1)} / ${zoomPeer.p95.toFixed(1)} ms`,
          'median ratio pins/peer': withPins.median / without.median,
          'p95 ratio pins/peer': withPins.p95 / without.p95,
          'goal median < 16 ms': withPins.median < 16 ? 'met' : 'NOT met',
          'seed 2,000 assets (IndexedDB) ms': seedMs,
          'reload → 2,000 pins drawn ms': firstRenderMs,
        },
        notes: 'Debian Chromium headless, --disable-gpu (software raster/composite), vsync unlocked; only frames whose plan transform changed are counted.',
      },
    ];
  } finally {
    await browser.close();
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(JSON.stringify(r, null, 2));
}
