import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { api } from '../../bridge';
import { download } from '../../lib/download';
import { db } from '../../db/schema';
import { exportSnapshot, restoreSnapshot } from '../../db/snapshot';
import { backupNow } from '../../db/durability';
import { useCounts } from '../../db/hooks';
import { notify, useStore } from '../../store';
import type { BackupInfo } from '../../../../core/ipc/app';

const MAX_IMPORT_BYTES = 1_000_000_000;

/** Storage status, automatic backups, export everything to a file and restore from one. */
export function DataView() {
  const persisted = useStore((s) => s.persisted);
  const lastBackupAt = useStore((s) => s.lastBackupAt);
  const counts = useCounts();
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const refresh = async () => {
    const r = await api()['backup:list']({});
    if (r.ok) setBackups(r.value);
  };
  useEffect(() => {
    void refresh();
  }, [lastBackupAt]);

  const doExport = async () => {
    setBusy(true);
    try {
      const text = await exportSnapshot(db());
      download(text, `wardwalk-export-${new Date().toISOString().slice(0, 10)}.wardwalk.json`, 'application/json');
      notify('success', 'Exported the whole database to one file.');
    } finally {
      setBusy(false);
    }
  };

  const restoreFrom = async (text: string, what: string) => {
    setBusy(true);
    try {
      // A copy of the current data first, so even a restore can be undone.
      if (!(await backupNow('before-restore'))) {
        notify('warning', 'Could not back up the current data first, so nothing was restored.');
        return;
      }
      const r = await restoreSnapshot(db(), text);
      if (!r.ok) {
        notify('error', `${what} was not restored. ${r.reason}`, 'Your current data is unchanged.');
        return;
      }
      const dropped = r.reports.reduce((n, x) => n + x.dropped.length, 0);
      notify(
        dropped || r.droppedTables.length ? 'warning' : 'success',
        `Restored ${what}: ${Object.values(r.counts).reduce((a, b) => a + b, 0)} records.` +
          (dropped ? ` ${dropped} damaged records were left out.` : '') +
          (r.droppedTables.length ? ` Ignored: ${r.droppedTables.join('; ')}.` : ''),
      );
      void refresh();
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES) {
      notify('error', `${f.name} is too large to be a Wardwalk export.`, 'Your current data is unchanged.');
      return;
    }
    await restoreFrom(await f.text(), f.name);
  };

  const restoreBackup = async (name: string) => {
    const r = await api()['backup:read']({ name });
    if (!r.ok) {
      notify('error', r.error.message, 'Your current data is unchanged.');
      return;
    }
    await restoreFrom(r.value.snapshot, `the backup of ${name.slice(16, 35)}`);
  };

  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <section className="view" aria-labelledby="data-title">
      <header className="view-header">
        <h1 id="data-title">Data &amp; backups</h1>
        <p className="muted">Your inventory lives on this computer. Wardwalk keeps rotating automatic backups and can export everything to one file.</p>
      </header>
      <div className="grid-2">
        <div className="card">
          <h2>Storage</h2>
          <p>
            {persisted === null ? 'Checking…' : persisted ? (
              <span className="ok-text">Persistent storage granted: the browser engine will not evict your data.</span>
            ) : (
              <span className="warn-text">Persistent storage was refused. Data could be evicted under disk pressure — keep backups and export regularly.</span>
            )}
          </p>
          <p className="muted">{total} records in {counts ? Object.keys(counts).length : 0} tables.</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void backupNow('manual').then((ok) => ok && notify('success', 'Backup written.'))} disabled={busy}>
              Back up now
            </button>
            <button type="button" onClick={() => void doExport()} disabled={busy}>
              Export everything…
            </button>
            <button type="button" onClick={() => fileRef.current?.click()} disabled={busy}>
              Restore from file…
            </button>
            <input ref={fileRef} type="file" accept=".json,application/json" hidden onChange={onFile} aria-label="Restore from file" />
          </div>
        </div>
        <div className="card">
          <h2>Automatic backups</h2>
          {backups.length === 0 ? (
            <p className="muted empty">No automatic backup yet. One is written every 15 minutes and when Wardwalk closes.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Why</th>
                  <th className="num">Size</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {backups.map((b) => (
                  <tr key={b.name}>
                    <td>{new Date(b.createdAt).toLocaleString()}</td>
                    <td>{b.reason}</td>
                    <td className="num">{(b.bytes / 1024).toFixed(1)} KB</td>
                    <td>
                      <button type="button" className="small" onClick={() => void restoreBackup(b.name)} disabled={busy}>
                        Restore
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}
