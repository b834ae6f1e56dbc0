import { useEffect, useState } from 'react';
import { VIEWS } from './features/views';
import { useStore } from './store';
import { undoLast } from './actions/registry';
import { checkDataLoss, listenForBackupRequests, requestPersistence } from './db/durability';
import { notify } from './store';

export function App() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismiss);
  const persisted = useStore((s) => s.persisted);
  const [dataLoss, setDataLoss] = useState<'none' | 'total' | 'partial'>('none');

  useEffect(() => {
    void checkDataLoss().then(setDataLoss);
    void requestPersistence();
    return listenForBackupRequests();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !e.shiftKey && !typing) {
        e.preventDefault();
        void undoLast().then((label) => label && notify('info', `Undone: ${label}`));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const current = VIEWS.find((v) => v.id === view) ?? VIEWS[0]!;
  const Current = current.component;
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Views">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">W</span>
          <span>Wardwalk</span>
        </div>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className={v.id === current.id ? 'nav-item active' : 'nav-item'}
                aria-current={v.id === current.id ? 'page' : undefined}
                title={v.description}
                onClick={() => setView(v.id)}
              >
                {v.label}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot muted">Passive by default</div>
      </nav>
      <main className="main">
        {dataLoss !== 'none' ? (
          <div className="banner error" role="alert">
            The browser engine reported that stored data was lost ({dataLoss}). Open <strong>Data &amp; backups</strong> and restore the latest automatic backup.
          </div>
        ) : null}
        {persisted === false ? (
          <div className="banner warning" role="status">
            Persistent storage was refused: your data could be evicted if the disk fills up. Automatic backups are kept; export regularly.
          </div>
        ) : null}
        <Current />
      </main>
      <div className="toasts" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`toast ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <div>
              <div>{n.text}</div>
              {n.hint ? <div className="muted">{n.hint}</div> : null}
            </div>
            <button type="button" className="icon" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
