// Safe probes end to end: the real renderer against the real ProbeService (loopback test host), and a
// real HTTP server this test starts on a loopback address of its own (127.x.y.z, port 8080: one of the
// ports the policy allows for HTTP GET /; no root needed, and no clash with other tests' servers).
// Checked: nothing can start without an approval; the plan shows rate and estimate; the infusion pump
// and an inventory life-support device are left out with their reasons until a per-device override with
// a reason; the run sends exactly the planned GET, its answer lands in IndexedDB as "probe" evidence;
// Stop halts an open exchange at once; the audit log exports (CSV and JSON) with every query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Server, IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness, RESULTS, pageErrors } from './harness';
import type { Harness } from './harness';

const rnd = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
const NET = `127.${rnd(100, 250)}.${rnd(1, 250)}`;
const GATEWAY_IP = `${NET}.10`;
const PUMP_IP = `${NET}.11`;
const WS_IP = `${NET}.12`;
const PORT = 8080;

interface Seen {
  at: number;
  ua: string;
  method: string;
  url: string;
  closedAt?: number;
}

let h: Harness;
let server: Server;
const requests: Seen[] = [];
let hang = false;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const s: Seen = { at: Date.now(), ua: String(req.headers['user-agent'] ?? ''), method: req.method ?? '', url: req.url ?? '' };
    requests.push(s);
    req.socket.on('close', () => (s.closedAt = Date.now()));
    if (hang) return; // a device that accepts and then says nothing: only Stop (or the timeout) ends it
    res.writeHead(200, { server: 'NurseGate/2.4 (ward gateway)', 'content-type': 'text/html' });
    res.end('<html><title>NurseGate</title></html>');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, GATEWAY_IP, resolve);
  });
  h = await startHarness({ viewport: { width: 1440, height: 2200 } });
  const page = h.page;
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Seed three stored devices (as discovery would have stored them) and one inventory asset.
  await page.evaluate(
    async ({ gw, pump, ws }) => {
      const now = Date.now();
      const idb: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('wardwalk');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const ev = (kind: string, value: string, proto: string) => ({ kind, value, proto, source: 'pcap', count: 3, firstSeen: now - 60_000, lastSeen: now });
      const verdict = (value: string) => ({ value, confidence: 0.9, reasons: ['seeded by the test'], rules: [] });
      const dev = (id: string, mac: string, ip: string, name: string, type: string | null, evidence: unknown[]) => ({
        id,
        mac,
        ips: [ip],
        hostnames: [name],
        firstSeen: now - 60_000,
        lastSeen: now,
        packets: 12,
        evidence,
        ...(type ? { identity: { type: verdict(type) } } : {}),
        recordedAt: now - 60_000,
      });
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction(['devices', 'assets'], 'readwrite');
        const d = tx.objectStore('devices');
        d.put(dev('dev_02000000aa01', '02:00:00:00:aa:01', gw, 'ward3b-gateway', null, [ev('hostname', 'ward3b-gateway', 'dhcp'), ev('service', 'tcp/8080', 'tcp')]));
        d.put(dev('dev_02000000aa02', '02:00:00:00:aa:02', pump, 'alaris-pump-12', 'infusion-pump', [ev('hostname', 'alaris-pump-12', 'dhcp')]));
        d.put(dev('dev_02000000aa03', '02:00:00:00:aa:03', ws, 'icu-ws-04', 'workstation', [ev('hostname', 'icu-ws-04', 'dhcp')]));
        tx.objectStore('assets').put({
          id: 'asset_icu_ws_04',
          assetTag: 'BME-0042',
          description: 'ICU bedside workstation driving the ventilator display',
          macs: ['02:00:00:00:aa:03'],
          ips: [ws],
          deviceId: 'dev_02000000aa03',
          lifeSupport: true,
          extra: {},
          original: {},
          version: 1,
          updatedAt: now,
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      idb.close();
    },
    { gw: GATEWAY_IP, pump: PUMP_IP, ws: WS_IP },
  );
});

afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
});

async function storedDevice(id: string) {
  return h.page.evaluate(async (key) => {
    const idb: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('wardwalk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const d: unknown = await new Promise((resolve) => {
      const r = idb.transaction('devices').objectStore('devices').get(key);
      r.onsuccess = () => resolve(r.result);
    });
    idb.close();
    return d as { evidence: { kind: string; value: string; source: string }[] };
  }, id);
}

describe('safe probes view', () => {
  it('is passive by default and shows the plan (rate, estimate, exclusions with reasons) before anything is sent', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Safe probes' }).click();
    await page.getByText(/nothing is sent to any device until a person reads a plan and approves it/).waitFor();
    await page.getByText('Nothing is being sent').waitFor();
    await page.getByRole('checkbox', { name: 'Probe ward3b-gateway' }).check();
    // keyboard: focus the next device's box and tick it with Space
    await page.getByRole('checkbox', { name: 'Probe alaris-pump-12' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: 'Probe icu-ws-04' }).check();
    await expect(page.getByRole('checkbox', { name: 'Probe alaris-pump-12' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'HTTP(S) GET /' }).isChecked()).resolves.toBe(true);
    const list = page.getByRole('group', { name: 'Devices to probe' });
    await list.getByText('life-support type').waitFor(); // the pump, by its identified type
    await list.getByText('life-support (inventory)').waitFor(); // the workstation, by its inventory record
    await page.getByRole('button', { name: 'Build the plan' }).click();

    const planned = page.getByRole('table', { name: 'Planned queries' });
    await planned.waitFor();
    // the gateway only: GET / on 80, 443 and 8080 (the port it was seen serving)
    await expect(planned.locator('tbody tr').count()).resolves.toBe(3);
    await planned.getByText('tcp/8080').waitFor();
    const summary = page.getByLabel('Plan summary');
    await summary.getByText('≤ 50 packets/s overall; one query at a time per device, ≥ 1 s apart').waitFor();
    await summary.getByText('≤ 60 packets, at least 2.0 s').waitFor();

    const excluded = page.getByRole('list', { name: 'Excluded devices' });
    const pump = excluded.getByRole('listitem', { name: 'Excluded alaris-pump-12' });
    await pump.getByText('type: Infusion pump (life-support)').waitFor();
    const ws = excluded.getByRole('listitem', { name: 'Excluded icu-ws-04' });
    await ws.getByText('inventory: life-support').waitFor();
    await ws.getByText(/inventory asset BME-0042 is marked life-support/).waitFor();

    // approval required: Start is off, Approve is off until a name is given
    await expect(page.getByRole('button', { name: 'Start sending' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Approve this plan' }).isDisabled()).resolves.toBe(true);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(RESULTS, 'probes-plan.png'), fullPage: true });
  });

  it('a risky device is probed only after a per-device override with a reason and who', async () => {
    const page = h.page;
    const pump = page.getByRole('list', { name: 'Excluded devices' }).getByRole('listitem', { name: 'Excluded alaris-pump-12' });
    await pump.getByRole('button', { name: 'Override for this device…' }).click();
    const submit = pump.getByRole('button', { name: 'Override and rebuild the plan' });
    await pump.getByRole('textbox', { name: 'Override reason for alaris-pump-12' }).fill('PM');
    await pump.getByRole('textbox', { name: 'Override by for alaris-pump-12' }).fill('J. Biomed');
    await expect(submit.isDisabled()).resolves.toBe(true);
    await pump.getByText('The reason is too short.').waitFor();
    await pump.getByRole('textbox', { name: 'Override reason for alaris-pump-12' }).fill('In the workshop for PM, not connected to a patient');
    await submit.click();

    await page.getByRole('list', { name: 'Risk overrides' }).getByText(/overridden by J\. Biomed/).waitFor();
    const planned = page.getByRole('table', { name: 'Planned queries' });
    await planned.getByText('overridden risk').first().waitFor();
    await expect(planned.locator('tbody tr').count()).resolves.toBe(5);
    await page.getByLabel('Plan summary').getByText('≤ 100 packets, at least 2.0 s').waitFor();
    // the life-support workstation stays out (nobody overrode it)
    await page.getByRole('list', { name: 'Excluded devices' }).getByRole('listitem', { name: 'Excluded icu-ws-04' }).waitFor();
    await expect(page.getByRole('list', { name: 'Excluded devices' }).getByRole('listitem', { name: 'Excluded alaris-pump-12' }).count()).resolves.toBe(0);
    expect(requests).toEqual([]);
  });

  it('approval enables Start; the run sends the planned GET and its answer becomes probe evidence', async () => {
    const page = h.page;
    await expect(page.getByRole('button', { name: 'Start sending' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('textbox', { name: 'Approver name' }).fill('A. Risk-Manager');
    await page.getByRole('textbox', { name: 'Approval reason' }).fill('Quarterly inventory check, ward 3B');
    await page.getByRole('button', { name: 'Approve this plan' }).click();
    await page.getByText(/Approved by A\. Risk-Manager at/).waitFor();
    const start = page.getByRole('button', { name: 'Start sending' });
    await expect(start.isEnabled()).resolves.toBe(true);
    await start.click();
    await page.getByRole('region', { name: 'Probe run in progress' }).waitFor();
    await page.getByText(/Sending — approved by A\. Risk-Manager/).waitFor();
    await page.getByText('Finished.').waitFor({ timeout: 30_000 });
    await page.getByText(/This plan was approved by A\. Risk-Manager .* and has been run/).waitFor();
    await expect(page.getByRole('button', { name: 'Approve this plan' }).isDisabled()).resolves.toBe(true);
    await page.getByText(/stored as evidence \(source “probe”\) on 1 device/).waitFor({ timeout: 15_000 });
    await page.getByRole('table', { name: `Answers from ${GATEWAY_IP}` }).getByText('NurseGate/2.4 (ward gateway)').waitFor();

    expect(requests).toHaveLength(1); // only the planned GET / reached the server, once
    expect(requests[0]).toMatchObject({ method: 'GET', url: '/' });
    expect(requests[0]!.ua).toMatch(/^Wardwalk-probe\//);
    const d = await storedDevice('dev_02000000aa01');
    expect(d.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'http-server', value: 'NurseGate/2.4 (ward gateway)', source: 'probe' })]));
    expect(d.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'hostname', value: 'ward3b-gateway', source: 'pcap' })]));
    await page.screenshot({ path: join(RESULTS, 'probes-results.png'), fullPage: true });
  });

  it('Stop (Esc) halts the run at once, closing an open exchange', async () => {
    const page = h.page;
    hang = true;
    const before = requests.length;
    await page.getByRole('button', { name: 'Build the plan' }).click();
    await page.getByRole('table', { name: 'Planned queries' }).waitFor();
    await page.getByRole('button', { name: 'Approve this plan' }).click();
    await page.getByText(/Approved by A\. Risk-Manager at/).waitFor();
    await page.getByRole('button', { name: 'Start sending' }).click();
    const stop = page.getByRole('button', { name: /Stop now/ });
    await stop.waitFor();
    // wait until the gateway holds our GET open (third query, ≥ 2 s in), then stop from the keyboard
    const t0 = Date.now();
    while (requests.length === before && Date.now() - t0 < 15_000) await new Promise((r) => setTimeout(r, 50));
    expect(requests.length).toBe(before + 1);
    await page.screenshot({ path: join(RESULTS, 'probes-running.png'), fullPage: false });
    const stoppedAt = Date.now();
    await page.keyboard.press('Escape');
    await page.getByText('Stopped by a person.').waitFor({ timeout: 10_000 });
    await page.getByRole('table', { name: `Answers from ${GATEWAY_IP}` }).getByText('sent, closed by Stop').waitFor();
    const open = requests[before]!;
    const t1 = Date.now();
    while (open.closedAt === undefined && Date.now() - t1 < 3000) await new Promise((r) => setTimeout(r, 20));
    expect(open.closedAt).toBeDefined();
    // closed by the stop (well before the 3 s timeout), and nothing was sent after it
    expect(open.closedAt! - stoppedAt).toBeLessThan(1500);
    await new Promise((r) => setTimeout(r, 1500));
    expect(requests.length).toBe(before + 1);
    await page.getByText('Nothing is being sent').waitFor();
    hang = false;
  });

  it('exports the audit log as CSV and JSON with every query, the approval and the override', async () => {
    const page = h.page;
    const audit = page.getByRole('table', { name: 'Probe audit log' });
    await audit.getByText('HTTP GET / to tcp/8080').first().waitFor();
    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csvDl.suggestedFilename()).toMatch(/^wardwalk-probe-audit-.*\.csv$/);
    const csvPath = join(RESULTS, 'probes-audit.csv');
    await csvDl.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('seq,time,event,approver,approved_at,plan_id,approval_id,run_id,query_kind,target_ip,target_mac,device_id,port,query,packets,attempt,result,detail');
    expect(csv).toContain(`http-get-root,${GATEWAY_IP},02:00:00:00:aa:01,dev_02000000aa01,8080,HTTP GET / to tcp/8080`);
    expect(csv).toContain(`${PUMP_IP}`);
    expect(csv).toContain('In the workshop for PM, not connected to a patient');
    expect(csv).toContain('A. Risk-Manager');
    expect(csv).toContain('run-stopped');

    const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const jsonPath = join(RESULTS, 'probes-audit.json');
    await jsonDl.saveAs(jsonPath);
    const doc = JSON.parse(readFileSync(jsonPath, 'utf8')) as { format: string; records: { event: string; query?: string; targetIp?: string; port?: number }[] };
    expect(doc.format).toBe('wardwalk-probe-audit');
    const queries = doc.records.filter((r) => r.event === 'query');
    // run 1: 3 to the gateway + 2 to the pump; run 2: stopped during the gateway's third query
    expect(queries.filter((q) => q.targetIp === GATEWAY_IP && q.port === 8080)).toHaveLength(2);
    expect(queries.every((q) => q.query && /^HTTPS? GET \/ to tcp\/(80|443|8080)/.test(q.query))).toBe(true);
    expect(queries.some((q) => q.targetIp === WS_IP)).toBe(false); // the life-support device got nothing
    expect(doc.records.filter((r) => r.event === 'risk-override').length).toBeGreaterThanOrEqual(1);
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await audit.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'probes-audit.png'), fullPage: true });
    expect(pageErrors(page)).toEqual([]);
  });
});
