import { newId } from '../../../core/model/ids';
import { db } from '../db/schema';

/** Append to the audit log (PHI-free, short). */
export async function audit(by: string, action: string, detail: string): Promise<void> {
  await db().auditLog.add({ id: newId('audit'), at: Date.now(), by, action, detail: detail.slice(0, 500) });
}
