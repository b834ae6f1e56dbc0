// Benchmark: a 500-room survey's room sheets (≈4,750 assets, each with a Code 128 symbol) built in the
// app and printed to PDF by Chromium (page.pdf of the real print page), against the peer: Chromium's
// page.pdf() of a plain HTML table with the same number of rows and no barcodes, in the same browser.
// Run alone: npx tsx test/bench/sheets.ts (needs the built renderer: npm run build:renderer).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './types';
import { ROOT, RESULTS, startHarness } from '../e2e/harness';
import { demoSurvey, seedDemo } from '../e2e/sheets-demo';

const ROOMS = 500;

function plainTable(rows: string[][]): string {
  const esc = (s: string) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}<td></td><td></td><td></td><td></td></tr>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4 portrait;margin:10mm}body{font:9pt sans-serif}table{width:100%;border-collapse:collapse}td,th{border-bottom:1px solid #999;padding:2mm 1mm;text-align:left}</style></head><body><table><thead><tr><th>Room</th><th>Asset tag</th><th>Type</th><th>Maker</th><th>Model</th><th>Serial</th><th>Present</th><th>Moved</th><th>Missing</th><th>Notes</th></tr></thead><tbody>${body}</tbody></table></body></html>`;
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(join(ROOT, 'renderer/dist/index.html'))) execFileSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: 'ignore' });
  const demo = demoSurvey({ rooms: ROOMS, perRoom: (i) => ((i * 7) % 10) + 5 });
  const h = await startHarness({ viewport: { width: 1400, height: 900 } });
  try {
    const page = h.page;
    await page.getByRole('heading', { name: 'Sites & floors' }).waitFor();
    await seedDemo(page, demo);
    await page.getByRole('button', { name: 'Room sheets & labels' }).click();
    await page.getByTestId('sheet-summary').waitFor();

    // Ours: choose the whole site (500 rooms) → model + barcodes + React render of every page.
    const t0 = performance.now();
    await page.getByLabel('Scope', { exact: true }).selectOption('site');
    await page.waitForFunction((rooms) => {
      const doc = document.querySelector('.sheet-doc');
      const pages = Number(doc?.getAttribute('data-pages') ?? 0);
      return pages >= rooms && document.querySelectorAll('.sheet-page').length === pages;
    }, ROOMS, { timeout: 600_000, polling: 100 });
    const tRender = performance.now() - t0;
    const pages = Number(await page.locator('.sheet-doc').getAttribute('data-pages'));
    const barcodes = await page.locator('.sh-bc svg').count();
    const pdfPath = join(RESULTS, 'bench-sheets-500-rooms.pdf');
    const t1 = performance.now();
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    const tPdf = performance.now() - t1;
    const pdfBytes = statSync(pdfPath).size;
    const pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath]).toString())![1]);

    // Peer: a plain HTML table with the same rows, printed by the same Chromium.
    const roomNo = new Map((demo.rooms as { id: string; number: string }[]).map((r) => [r.id, r.number]));
    const rows = (demo.assets as Record<string, string>[]).map((a) => [roomNo.get(a['roomId']!) ?? '', a['assetTag'] ?? a['serial'] ?? '', a['type'] ?? '', a['maker'] ?? '', a['model'] ?? '', a['serial'] ?? '']);
    const peer = await h.context.newPage();
    const t2 = performance.now();
    await peer.setContent(plainTable(rows));
    const tPeerLoad = performance.now() - t2;
    const peerPath = join(RESULTS, 'bench-sheets-peer-table.pdf');
    const t3 = performance.now();
    await peer.pdf({ path: peerPath, preferCSSPageSize: true });
    const tPeerPdf = performance.now() - t3;
    const peerPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [peerPath]).toString())![1]);
    await peer.close();
    rmSync(peerPath, { force: true });

    const ours = tRender + tPdf;
    const peerTotal = tPeerLoad + tPeerPdf;
    return [
      {
        name: `room sheets: ${ROOMS}-room survey to PDF (Chromium page.pdf)`,
        metrics: {
          rooms: ROOMS,
          assets: rows.length,
          barcodes,
          pages,
          pdf_pages: pdfPages,
          pdf_mb: pdfBytes / 1e6,
          build_and_render_ms: tRender,
          pdf_ms: tPdf,
          total_ms: ours,
          ms_per_page: ours / pages,
          peer_plain_table_load_ms: tPeerLoad,
          peer_plain_table_pdf_ms: tPeerPdf,
          peer_total_ms: peerTotal,
          peer_pages: peerPages,
          ratio_total_vs_peer: ours / peerTotal,
          ratio_pdf_only_vs_peer: tPdf / tPeerPdf,
          peer_ms_per_page: peerTotal / peerPages,
          ratio_ms_per_page_vs_peer: ours / pages / (peerTotal / peerPages),
        },
        notes: 'ours: scope change → sheet model, one Code 128 SVG per asset, React render of every page, then page.pdf(); peer: setContent of a plain <table> with the same rows (no barcodes, no per-room pages) then page.pdf(), same browser.',
      },
    ];
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(JSON.stringify(r, null, 2));
}
