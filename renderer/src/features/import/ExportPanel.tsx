// Export the inventory, with what the network added (IPs, OS, last seen, confirmed room), as .xlsx
// or .csv in the column layout of the person's last import. In the desktop app main writes the file
// through a save dialog; in a browser host the same core export rows become a download.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import * as XLSX from 'xlsx';
import { api } from '../../bridge';
import { db } from '../../db/schema';
import { notify } from '../../store';
import { loadExportLayout } from '../../actions/inventory-import';
import { exportRows, toCsv } from '../../../../core/inventory/export';
import type { NetworkFacts } from '../../../../core/inventory/export';
import type { Asset } from '../../../../core/model/asset';
import { download, XLSX_TYPE } from '../../lib/download';
import { useReconciliation } from './ReconcilePanel';

async function networkFacts(assets: Asset[], matches: Map<string, string>): Promise<Record<string, NetworkFacts>> {
  const devices = new Map((await db().devices.toArray()).map((d) => [d.id as string, d]));
  const confirmations = await db().confirmations.toArray();
  const rooms = new Map((await db().rooms.toArray()).map((r) => [r.id as string, r]));
  const latestRoom = new Map<string, { at: number; roomId: string }>();
  for (const c of confirmations) {
    if (!c.assetId) continue;
    const prev = latestRoom.get(c.assetId);
    if (!prev || prev.at < c.at) latestRoom.set(c.assetId, { at: c.at, roomId: c.roomId });
  }
  const out: Record<string, NetworkFacts> = {};
  for (const a of assets) {
    const f: NetworkFacts = {};
    const d = devices.get(matches.get(a.id) ?? a.deviceId ?? '');
    if (d) {
      if (d.ips.length) f.ips = d.ips.slice(0, 256);
      const os = d.identity?.os?.value;
      if (os) f.os = os.slice(0, 1024);
      f.lastSeen = d.lastSeen;
    }
    const room = latestRoom.get(a.id);
    const r = room ? rooms.get(room.roomId) : undefined;
    if (r) f.confirmedRoom = (r.name ? `${r.number} ${r.name}` : r.number).slice(0, 1024);
    if (Object.keys(f).length) out[a.id] = f;
  }
  return out;
}


/** The same bytes main writes (every cell a text cell; CSV with a BOM for Excel). */
function bytesFor(rows: string[][], format: 'xlsx' | 'csv'): BlobPart {
  if (format === 'csv') return '\ufeff' + toCsv(rows);
  const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((v) => ({ t: 's', v }))) as unknown as XLSX.CellObject[][]);
  if (rows[0]) ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 0, c: Math.max(0, rows[0].length - 1) } }) };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Inventory');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

export function ExportPanel() {
  const data = useReconciliation();
  const layout = useLayout();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<string | null>(null);
  const count = data?.assets.length ?? 0;
  const run = async (format: 'xlsx' | 'csv') => {
    if (!data) return;
    setBusy(true);
    try {
      const matches = new Map<string, string>(data.result.matched.map((m) => [m.assetId, m.deviceId]));
      const network = await networkFacts(data.assets, matches);
      const base = (layout?.fileName ?? 'inventory').replace(/\.(xlsx|xlsm|xls|csv)$/i, '');
      const suggestedName = `${base} (Wardwalk ${new Date().toISOString().slice(0, 10)}).${format}`;
      if (window.wardwalk) {
        const r = await api()['inventory:export']({ assets: data.assets, format, network, suggestedName, ...(layout ? { layout: layout.columns } : {}) });
        if (!r.ok) {
          notify('error', `Export failed: ${r.error.message}`, r.error.hint ?? 'Choose another folder, or close the file if Excel has it open.');
          return;
        }
        if (r.value.saved) {
          setLast(`${r.value.rows} assets saved to ${r.value.path ?? suggestedName}`);
          notify('success', `Exported ${r.value.rows} assets.`);
        }
        return;
      }
      // In a browser host there is no save dialog: build the same rows here and download them.
      const rows = exportRows(data.assets, { ...(layout ? { layout: layout.columns } : {}), network: (a) => network[a.id] });
      download(bytesFor(rows, format), suggestedName, format === 'csv' ? 'text/csv;charset=utf-8' : XLSX_TYPE);
      setLast(`${rows.length - 1} assets downloaded as ${suggestedName}`);
      notify('success', `Exported ${rows.length - 1} assets.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-label="Export the inventory">
      <h2>Export the inventory</h2>
      <p>
        {count} asset{count === 1 ? '' : 's'}, {layout ? <>in the columns of <strong>{layout.fileName}</strong> (sheet “{layout.sheet}”), </> : 'in a standard column layout, '}
        with every extra field kept, plus four columns of what the network added: <em>Wardwalk: network IPs</em>, <em>OS</em>, <em>last seen</em>, <em>confirmed room</em>. Importing the file again ignores those four columns.
      </p>
      <p className="muted">Cells that start with =, +, -, @ or a tab are written with a leading apostrophe, so Excel shows them and never runs them as formulas.</p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy || !count} onClick={() => void run('xlsx')}>
          Export .xlsx
        </button>
        <button type="button" disabled={busy || !count} onClick={() => void run('csv')}>
          Export .csv
        </button>
      </div>
      {last ? <p className="ok-text" role="status">{last}</p> : null}
    </section>
  );
}

function useLayout() {
  return useLiveQuery(() => loadExportLayout(), []);
}
