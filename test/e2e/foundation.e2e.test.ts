// The foundation end to end: built renderer + real services behind the loopback host + Chromium.
// Create a record through the UI, reopen the browser on the same profile, find it still there (real
// IndexedDB); back up through the real backup service; restore; check the security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { startHarness, RESULTS, pageErrors } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('foundation', () => {
  it('creates a site, building and floor through the UI and they survive a restart', async () => {
    const page = h.page;
    await page.getByRole('heading', { name: 'Sites & floors' }).waitFor();
    await page.getByPlaceholder("e.g. St Mary's Hospital").fill('St Mary General');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.getByRole('button', { name: /St Mary General/ }).click();
    await page.getByPlaceholder('e.g. North Wing').fill('North Wing');
    await page.getByRole('button', { name: 'Add building' }).click();
    await page.getByRole('button', { name: /North Wing/ }).click();
    await page.getByPlaceholder('e.g. Level 3 — Ward 3B').fill('Level 3 — Ward 3B');
    await page.getByRole('button', { name: 'Add floor' }).click();
    await page.getByText('Level 3 — Ward 3B').waitFor();
    await page.screenshot({ path: join(RESULTS, 'foundation-locations.png') });

    const reopened = await h.reopen();
    await reopened.getByRole('button', { name: /St Mary General/ }).waitFor();
    await reopened.getByRole('button', { name: /St Mary General/ }).click();
    await reopened.getByRole('button', { name: /North Wing/ }).click();
    await reopened.getByText('Level 3 — Ward 3B').waitFor();
    expect(await reopened.getByText('Level 3 — Ward 3B').count()).toBe(1);
    expect(pageErrors(reopened)).toEqual([]);
  });

  it('backs up through the real backup service and restores from it', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Data & backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backup written.').waitFor();
    const files = readdirSync(join(h.dataDir, 'backups'));
    expect(files.some((f) => /^wardwalk-backup-.*-manual\.json$/.test(f))).toBe(true);

    // Add a site after the backup, then restore the backup: the later site is gone, the earlier data is back.
    await page.getByRole('button', { name: 'Sites & floors' }).click();
    await page.getByPlaceholder("e.g. St Mary's Hospital").fill('Temporary Site');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.getByRole('button', { name: /Temporary Site/ }).waitFor();
    await page.getByRole('button', { name: 'Data & backups' }).click();
    const row = page.getByRole('row').filter({ hasText: 'manual' }).first();
    await row.getByRole('button', { name: 'Restore' }).click();
    await page.getByText(/Restored the backup/).waitFor();
    await page.screenshot({ path: join(RESULTS, 'foundation-backups.png') });
    await page.getByRole('button', { name: 'Sites & floors' }).click();
    await page.getByRole('button', { name: /St Mary General/ }).waitFor();
    expect(await page.getByRole('button', { name: /Temporary Site/ }).count()).toBe(0);
  });

  it('refuses a damaged restore file and keeps the data', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Data & backups' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"wardwalk-db","formatVersion":1,"schemaVersion":1,"tables":{"sites":[]},"checksum":"sha256:00"}') });
    await page.getByText(/was not restored/).waitFor();
    await page.getByRole('button', { name: 'Sites & floors' }).click();
    await page.getByRole('button', { name: /St Mary General/ }).waitFor();
  });

  it('serves a strict CSP and refuses requests without the token or with unknown channels', async () => {
    const res = await fetch(h.host.url + '/index.html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    const noToken = await fetch(h.host.url + '/ipc', { method: 'POST', body: JSON.stringify({ channel: 'backup:list', args: {} }) });
    expect(noToken.status).toBe(403);
    const unknown = await fetch(h.host.url + '/ipc', {
      method: 'POST',
      headers: { 'x-wardwalk-token': h.host.token },
      body: JSON.stringify({ channel: 'fs:delete-everything', args: {} }),
    });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const foreign = await fetch(h.host.url + '/ipc', {
      method: 'POST',
      headers: { 'x-wardwalk-token': h.host.token, origin: 'http://evil.example' },
      body: JSON.stringify({ channel: 'backup:list', args: {} }),
    });
    expect(foreign.status).toBe(403);
    // The page itself cannot run inline script (CSP): an injected inline handler does nothing.
    const ran = await h.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
  });

  it('saved screenshots', () => {
    expect(readdirSync(RESULTS)).toEqual(expect.arrayContaining(['foundation-locations.png', 'foundation-backups.png']));
  });
});
