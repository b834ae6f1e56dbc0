// Survey-bundle edits as named actions (renderer/src/actions/registry.ts), run in the bundle worker:
// export (remembers what was sent), import (merge; a backup of the current data is written first, since a merge touches many
// records), settle a conflict (undoable).
import { api } from '../../bridge';
import { defineAction } from '../../actions/registry';
import { notify, useStore } from '../../store';
import { bundleJobs } from './bundle-client';
import type { ImportOutcome } from './bundle-db';

/** backupNow() with the snapshot built in the bundle worker, so a large database never freezes the window. */
async function backupBeforeMerge(): Promise<boolean> {
  const snapshot = await bundleJobs.snapshot();
  const r = await api()['backup:write']({ snapshot, reason: 'before-restore' });
  if (r.ok) {
    useStore.getState().setLastBackupAt(r.value.createdAt);
    return true;
  }
  notify('error', r.error.message, r.error.hint);
  return false;
}

export const exportBundleAction = defineAction<{ by: string; onDone: (text: string, records: number) => void }>({
  name: 'bundle:export',
  label: () => 'Export survey bundle',
  perform: async ({ by, onDone }) => {
    const r = await bundleJobs.export(by);
    onDone(r.text, Object.values(r.counts).reduce((a, b) => a + b, 0));
    return null;
  },
});

export const importBundleAction = defineAction<{ text: string; fileName: string; by: string; onDone: (r: ImportOutcome) => void }>({
  name: 'bundle:import',
  label: (a) => `Import survey bundle ${a.fileName}`,
  perform: async ({ text, fileName, by, onDone }) => {
    if (!(await backupBeforeMerge())) {
      onDone({ ok: false, reason: 'Could not back up the current data first, so nothing was merged.' });
      return null;
    }
    const r = await bundleJobs.import(text, by, fileName);
    onDone(r);
    // Undo of a merge is the backup written just before it (Data & backups), not Ctrl+Z.
    return null;
  },
});

export const settleConflictAction = defineAction<{ id: string; choice: 'mine' | 'theirs'; by: string; what: string }>({
  name: 'bundle:settle',
  label: (a) => `Settle ${a.what}: keep ${a.choice === 'mine' ? 'mine' : 'theirs'}`,
  perform: async ({ id, choice, by }) => {
    const r = await bundleJobs.settle(id, choice, by);
    if (!r.ok) throw new Error(r.reason);
    notify('success', choice === 'mine' ? 'Kept the version on this computer.' : 'Took the version from the bundle.');
    return async () => {
      await bundleJobs.unsettle(id, r.undo);
    };
  },
});
