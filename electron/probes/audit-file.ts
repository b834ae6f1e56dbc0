// The probe audit log on disk: one JSON object per line, appended and flushed record by record, so the
// evidence survives a crash mid-run. Reading back skips (and counts) lines a crash may have cut short.
import fs from 'node:fs';
import path from 'node:path';
import type { AuditRecord } from '../../core/probe-policy/audit';

export class AuditFile {
  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  }

  /** Append one record and flush it to the disk before returning. */
  append(r: AuditRecord): void {
    const fd = fs.openSync(this.file, 'a', 0o600);
    try {
      fs.writeSync(fd, JSON.stringify(r) + '\n');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  read(): { records: AuditRecord[]; damaged: number } {
    if (!fs.existsSync(this.file)) return { records: [], damaged: 0 };
    const records: AuditRecord[] = [];
    let damaged = 0;
    for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const v = JSON.parse(line) as unknown;
        if (v && typeof v === 'object' && typeof (v as AuditRecord).seq === 'number' && typeof (v as AuditRecord).event === 'string') records.push(v as AuditRecord);
        else damaged++;
      } catch {
        damaged++;
      }
    }
    return { records, damaged };
  }
}
