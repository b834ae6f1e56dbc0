import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, auditToCsv } from '../../core/probe-policy/audit';
import { approvePlan, buildPlan } from '../../core/probe-policy/policy';
import type { DeviceId } from '../../core/model/ids';
import { AuditFile } from './audit-file';

describe('audit file', () => {
  it('appends every record as it is written and reads them back, skipping a line cut by a crash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ww-audit-'));
    try {
      const file = new AuditFile(path.join(dir, 'probe-audit.jsonl'));
      const { plan } = buildPlan({ candidates: [{ deviceId: 'd' as DeviceId, ip: '192.0.2.9' }], deviceIds: ['d'], settings: { kinds: ['ssdp'] }, now: 1, planId: 'p' });
      const a = approvePlan(plan, 'J. Biomed', undefined, { now: 2 });
      const log = new AuditLog(a);
      log.onAppend((r) => file.append(r));
      log.append({ ts: 3, event: 'query', kind: 'ssdp', targetIp: '192.0.2.9', port: 1900, packets: 2, result: 'sent' });
      log.append({ ts: 4, event: 'result', kind: 'ssdp', targetIp: '192.0.2.9', port: 1900, result: 'timeout' });
      fs.appendFileSync(file.file, '{"seq":3,"ev');
      const back = file.read();
      expect(back.damaged).toBe(1);
      expect(back.records).toEqual(log.records());
      expect(auditToCsv(back.records)).toBe(auditToCsv(log.records()));
      expect(fs.statSync(file.file).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
