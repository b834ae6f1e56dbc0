// Not losing data: ask for persistent storage, detect a wiped store on open, answer the main side's
// backup requests with a snapshot, and make an automatic backup before restores.
import { api, onEvent } from '../bridge';
import { notify, useStore } from '../store';
import { db } from './schema';
import { exportSnapshot } from './snapshot';
import { DB_NAME } from '../../../core/model/tables';

export async function requestPersistence(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    const already = await navigator.storage.persisted();
    const granted = already || (await navigator.storage.persist());
    useStore.getState().setPersisted(granted);
    return granted;
  } catch {
    useStore.getState().setPersisted(false);
    return false;
  }
}

/**
 * Chromium reports `dataLoss === "total"` on the upgrade event when it had to discard a damaged
 * store (seen after full disks and updates). Check before dexie opens the database.
 */
export function checkDataLoss(): Promise<'none' | 'total' | 'partial'> {
  return new Promise((resolve) => {
    let loss: 'none' | 'total' | 'partial' = 'none';
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME);
    } catch {
      return resolve('none');
    }
    req.onupgradeneeded = (e) => {
      const dl = (e as IDBVersionChangeEvent & { dataLoss?: string }).dataLoss;
      if (dl === 'total' || dl === 'partial') loss = dl;
      // A brand-new (or wiped) database: abort so dexie creates it properly.
      req.transaction?.abort();
    };
    req.onsuccess = () => {
      req.result.close();
      resolve(loss);
    };
    req.onerror = () => resolve(loss);
  });
}

export async function backupNow(reason: 'timer' | 'quit' | 'manual' | 'before-restore'): Promise<boolean> {
  const snapshot = await exportSnapshot(db());
  const r = await api()['backup:write']({ snapshot, reason });
  if (r.ok) {
    useStore.getState().setLastBackupAt(r.value.createdAt);
    return true;
  }
  notify('error', r.error.message, r.error.hint);
  return false;
}

/** Answer the main side's periodic and on-quit requests. */
export function listenForBackupRequests(): () => void {
  return onEvent('backup:requested', ({ reason }) => {
    void backupNow(reason);
  });
}
