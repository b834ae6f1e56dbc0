// "Import & reconcile": bring a legacy Excel inventory in (wizard with preview before commit),
// reconcile it with what the network shows, and export it back in the person's own columns.
import { useState } from 'react';
import { ImportWizard } from './ImportWizard';
import { ReconcilePanel } from './ReconcilePanel';
import { ExportPanel } from './ExportPanel';
import './import.css';

type Tab = 'import' | 'reconcile' | 'export';
const TABS: Array<[Tab, string]> = [
  ['import', 'Import a workbook'],
  ['reconcile', 'Reconcile with the network'],
  ['export', 'Export'],
];

export function ImportView() {
  const [tab, setTab] = useState<Tab>('import');
  return (
    <div className="import-view">
      <header className="view-header">
        <h1>Import &amp; reconcile</h1>
        <p className="muted">Your Excel inventory in, matched with the devices on the network, and back out in your own columns. Nothing is lost: columns Wardwalk does not know are kept as extra fields.</p>
      </header>
      <div className="tabs" role="tablist" aria-label="Import and reconcile">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'tab active' : 'tab'} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      {/* The wizard stays mounted so switching tabs does not lose a half-done mapping. */}
      <div hidden={tab !== 'import'}>
        <ImportWizard onGoto={setTab} />
      </div>
      {tab === 'reconcile' ? <ReconcilePanel /> : null}
      {tab === 'export' ? <ExportPanel /> : null}
    </div>
  );
}
