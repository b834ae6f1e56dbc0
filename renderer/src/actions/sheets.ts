// Named actions of the room sheets: keying a filled-in paper sheet back in.
import type { KeyBackPlan } from '../../../core/sheets/keyback';
import { flagAuditDetail } from '../../../core/sheets/keyback';
import type { RoomId } from '../../../core/model/ids';
import { newId } from '../../../core/model/ids';
import { RETRACTED } from '../../../core/survey/locations';
import { db } from '../db/schema';
import { defineAction } from './registry';

export interface KeyBackArgs {
  roomId: RoomId;
  roomNumber: string;
  plan: KeyBackPlan;
  by: string;
  /** Room number by id, for the audit lines. */
  roomNumbers: Record<string, string>;
}

/**
 * Write the plan in one transaction: confirmations (how 'paper-sheet'), and an audit entry per
 * moved/missing flag and per unlisted device (the audit log is the trail of what the sheet said;
 * moved/missing state itself is computed from confirmations, see core/survey/locations). Undo retracts
 * the confirmations (records are never deleted) and notes the undo in the audit log.
 */
export const keyBackSheet = defineAction<KeyBackArgs>({
  name: 'sheets:key-back',
  label: (a) => `Key back the sheet of room ${a.roomNumber}`,
  perform: async ({ plan, by, roomNumber, roomNumbers }) => {
    const t = Date.now();
    const num = (id: string) => roomNumbers[id] ?? id;
    if (plan.confirmations.length === 0 && plan.flags.length === 0 && plan.unlisted.length === 0) throw new Error('Nothing is ticked or written on this sheet yet.');
    await db().transaction('rw', db().confirmations, db().auditLog, async () => {
      await db().confirmations.bulkAdd(plan.confirmations);
      const audit = [
        ...plan.flags.map((f) => ({ id: newId('audit'), at: t, by, action: `sheets:flag-${f.kind}`, detail: flagAuditDetail(f, num).slice(0, 500) })),
        ...plan.unlisted.map((u) => ({ id: newId('audit'), at: t, by, action: 'sheets:unlisted', detail: `Device "${u.text.slice(0, 80)}" found in room ${roomNumber}, not in the inventory` })),
        {
          id: newId('audit'),
          at: t,
          by,
          action: 'sheets:key-back',
          detail: `Room ${roomNumber}: ${plan.confirmations.length} confirmed, ${plan.flags.filter((f) => f.kind === 'moved').length} moved, ${plan.flags.filter((f) => f.kind === 'missing').length} missing, ${plan.unlisted.length} unlisted`,
        },
      ];
      await db().auditLog.bulkAdd(audit);
    });
    const ids = plan.confirmations.map((c) => c.id);
    return async () => {
      await db().transaction('rw', db().confirmations, db().auditLog, async () => {
        for (const id of ids) {
          const c = await db().confirmations.get(id);
          if (c) await db().confirmations.update(id, { note: `${RETRACTED} ${c.note ?? ''}`.trim() });
        }
        await db().auditLog.add({ id: newId('audit'), at: Date.now(), by, action: 'sheets:key-back-undone', detail: `Room ${roomNumber}: ${ids.length} paper-sheet confirmations retracted` });
      });
    };
  },
});
