// Discover: open capture files (button or drag and drop) with progress and cancel, start/stop a
// live capture, and browse what the network told us — a virtualized, sortable, searchable device
// list, an evidence drawer with the reasons behind every verdict, and the unknown-devices worklist.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/schema';
import { notify, useStore } from '../../store';
import { api, onEvent } from '../../bridge';
import { DiscoveryRunner } from './runner';
import { DeviceTable } from './DeviceTable';
import { DeviceDrawer } from './DeviceDrawer';
import { evidenceWeight } from '../../../../core/fingerprint/combine';
import { CATEGORY_LABELS } from '../../../../core/fingerprint/taxonomy';
import type { Device } from '../../../../core/model/device';
import { setOverride } from '../../actions/identify';
import { bytes, verdictText } from './format';
import './discover.css';

const CAPTURE_EXT = /\.(pcap|pcapng|cap|dmp|log|json|ndjson|tar|tgz)(\.gz)?$/i;
const MAX_FILE_BYTES = 64 * 1024 ** 3;

let runner: DiscoveryRunner | null = null;
function getRunner(): DiscoveryRunner {
  if (!runner) {
    runner = new DiscoveryRunner((p) => {
      const job = useStore.getState().fileJob;
      if (job) useStore.getState().setFileJob({ ...job, file: p.file, fileIndex: p.fileIndex, bytesRead: p.bytesRead, bytesTotal: p.bytesTotal, packets: p.packets });
    });
  }
  return runner;
}

function useNewSince(): { since: number; label: string } {
  const info = useLiveQuery(async () => {
    const surveys = (await db().surveys?.toArray().catch(() => [])) ?? [];
    const finished = surveys
      .map((s) => (s as { finishedAt?: number }).finishedAt)
      .filter((t): t is number => typeof t === 'number')
      .sort((a, b) => b - a)[0];
    if (finished) return { since: finished, label: 'since the last survey' };
    const imports = await db().imports.where('kind').equals('capture').sortBy('at');
    const prev = imports.length > 1 ? imports[imports.length - 2]!.at : 0;
    return { since: prev, label: prev ? 'since the previous capture' : '' };
  }, []);
  return info ?? { since: 0, label: '' };
}

export function DiscoverView() {
  const devices = useLiveQuery(() => db().devices.toArray(), []) ?? [];
  const fileJob = useStore((s) => s.fileJob);
  const setFileJob = useStore((s) => s.setFileJob);
  const selectedId = useStore((s) => s.selectedDeviceId);
  const select = useStore((s) => s.selectDevice);
  const surveyor = useStore((s) => s.surveyor);
  const [tab, setTab] = useState<'all' | 'unknown'>('all');
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string>('');
  const [newOnly, setNewOnly] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [lastRun, setLastRun] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const newSince = useNewSince();

  const newIds = useMemo(() => {
    const s = new Set<string>();
    if (!newSince.label) return s;
    for (const d of devices) if ((d.recordedAt ?? 0) > newSince.since) s.add(d.id);
    return s;
  }, [devices, newSince]);

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    let rows = devices;
    if (tab === 'unknown') {
      rows = rows.filter((d) => !d.identity?.type || d.identity.type.value === 'unknown');
    }
    if (category) rows = rows.filter((d) => (d.identity?.category?.value ?? 'unknown') === category);
    if (newOnly) rows = rows.filter((d) => newIds.has(d.id));
    if (q) {
      rows = rows.filter((d) => {
        const hay = [d.mac, ...d.ips, ...d.hostnames, d.identity?.macVendor?.name, verdictText(d.identity?.type, 'type'), d.identity?.maker?.value, d.identity?.model?.value, d.identity?.os?.value]
          .filter(Boolean)
          .join(' ')
          .toLowerCase();
        return hay.includes(q);
      });
    }
    if (tab === 'unknown') rows = [...rows].sort((a, b) => evidenceWeight(b) - evidenceWeight(a));
    return rows;
  }, [devices, tab, query, category, newOnly, newIds]);

  const selected = devices.find((d) => d.id === selectedId) ?? null;

  const openFiles = async (list: FileList | File[]) => {
    const files = [...list];
    if (!files.length) return;
    const bad = files.filter((f) => !CAPTURE_EXT.test(f.name));
    if (bad.length) {
      notify('warning', `${bad.map((f) => f.name).join(', ')} does not look like a capture file (.pcap, .pcapng) or a Zeek log.`, 'It will still be tried: Wardwalk reads the file header, not the name.');
    }
    const huge = files.find((f) => f.size > MAX_FILE_BYTES);
    if (huge) {
      notify('error', `${huge.name} is larger than 64 GB.`, 'Split it with editcap or read it with the command line: npx wardwalk discover FILE');
      return;
    }
    if (useStore.getState().fileJob) {
      notify('warning', 'Capture files are already being read.', 'Wait for them to finish or cancel.');
      return;
    }
    setFileJob({ files: files.map((f) => f.name), file: files[0]!.name, fileIndex: 0, bytesRead: 0, bytesTotal: files[0]!.size, packets: 0, cancelling: false });
    try {
      const r = await getRunner().run(files);
      const msg = `${r.stats.cancelled ? 'Cancelled: kept what was read. ' : ''}${r.stats.packets.toLocaleString()} packets${r.stats.logLines ? `, ${r.stats.logLines.toLocaleString()} Zeek log lines` : ''}, ${r.found} devices (${r.added} new) in ${(r.stats.durationMs / 1000).toFixed(1)} s.`;
      setLastRun([msg, ...r.stats.warnings.slice(0, 5)].join('\n'));
      notify(r.stats.warnings.length ? 'warning' : 'success', msg, r.stats.warnings[0]);
    } catch (e) {
      notify('error', e instanceof Error ? e.message : String(e), 'Nothing already saved was changed.');
    } finally {
      setFileJob(null);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) void openFiles(e.dataTransfer.files);
  };

  const onOverride = async (attribute: Parameters<typeof setOverride>[0]['attribute'], value: string | null) => {
    if (!selected) return;
    const id = selected.id;
    await setOverride({
      deviceId: id,
      attribute,
      value,
      by: surveyor,
      reidentify: async () => {
        const cur = await db().devices.get(id);
        if (!cur) return;
        await db().devices.put(await getRunner().reidentify(cur));
      },
    });
  };

  const pctDone = fileJob && fileJob.bytesTotal ? Math.min(100, (fileJob.bytesRead / fileJob.bytesTotal) * 100) : 0;
  const unknownCount = devices.filter((d) => !d.identity?.type || d.identity.type.value === 'unknown').length;

  return (
    <section
      className={`view discover${dragging ? ' dragging' : ''}`}
      aria-labelledby="discover-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="view-header row">
        <div>
          <h1 id="discover-title">Discover</h1>
          <p className="muted">Devices found passively in network traffic. Nothing is sent to the network.</p>
        </div>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => fileRef.current?.click()} disabled={!!fileJob}>
            Open capture files…
          </button>
          <input
            ref={fileRef}
            type="file"
            multiple
            hidden
            accept=".pcap,.pcapng,.cap,.dmp,.log,.gz,.json,.tar,.tgz,application/vnd.tcpdump.pcap"
            aria-label="Open capture files"
            onChange={(e) => {
              const f = e.target.files;
              if (f) void openFiles(f);
              e.target.value = '';
            }}
          />
        </div>
      </header>

      {fileJob ? (
        <div className="card progress-card" role="status" aria-live="polite">
          <div className="row">
            <div>
              Reading <strong>{fileJob.file}</strong>
              {fileJob.files.length > 1 ? ` (${fileJob.fileIndex + 1} of ${fileJob.files.length})` : ''} — {fileJob.packets.toLocaleString()} packets,{' '}
              {bytes(fileJob.bytesRead)} of {bytes(fileJob.bytesTotal)}
            </div>
            <button
              type="button"
              onClick={() => {
                setFileJob({ ...fileJob, cancelling: true });
                getRunner().cancel();
              }}
              disabled={fileJob.cancelling}
            >
              {fileJob.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          </div>
          <progress max={100} value={pctDone} aria-label="Capture file progress" />
        </div>
      ) : (
        <div className="drop-hint muted">Drop .pcap / .pcapng captures or Zeek logs (.log, .log.gz, JSON, .tar.gz archives) anywhere here.</div>
      )}

      <LiveCapturePanel />

      {lastRun ? <pre className="last-run muted">{lastRun}</pre> : null}

      <div className="toolbar">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'all'} className={tab === 'all' ? 'tab active' : 'tab'} onClick={() => setTab('all')}>
            All devices ({devices.length})
          </button>
          <button type="button" role="tab" aria-selected={tab === 'unknown'} className={tab === 'unknown' ? 'tab active' : 'tab'} onClick={() => setTab('unknown')}>
            Unknown devices ({unknownCount})
          </button>
        </div>
        <input type="search" placeholder="Search MAC, IP, name, maker, model…" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search devices" />
        <select value={category} onChange={(e) => setCategory(e.target.value)} aria-label="Category">
          <option value="">All categories</option>
          {Object.entries(CATEGORY_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        {newSince.label ? (
          <label className="check">
            <input type="checkbox" checked={newOnly} onChange={(e) => setNewOnly(e.target.checked)} /> New {newSince.label} ({newIds.size})
          </label>
        ) : null}
        <span className="muted count">{filtered.length.toLocaleString()} shown</span>
      </div>
      {tab === 'unknown' ? <p className="muted small">Ordered by how much evidence each has: the top ones are the easiest to identify by hand.</p> : null}

      <div className={selected ? 'split with-drawer' : 'split'}>
        {devices.length === 0 ? (
          <div className="card empty-state">
            <h2>No devices yet</h2>
            <p>Open a capture file (.pcap or .pcapng from Wireshark, tcpdump or a switch SPAN port) or your Zeek sensors' logs, or start a live capture on this laptop's network interface.</p>
          </div>
        ) : (
          <DeviceTable devices={filtered} newIds={newIds} selectedId={selectedId} onSelect={select} label={tab === 'all' ? 'Devices' : 'Unknown devices'} compact={!!selected} />
        )}
        {selected ? <DeviceDrawer device={selected} isNew={newIds.has(selected.id)} onClose={() => select(null)} onOverride={(a, v) => void onOverride(a, v)} /> : null}
      </div>
    </section>
  );
}

function LiveCapturePanel() {
  const live = useStore((s) => s.live);
  const setLive = useStore((s) => s.setLive);
  const [ifaces, setIfaces] = useState<{ name: string; description?: string | undefined; addresses: string[]; loopback: boolean }[] | null>(null);
  const [iface, setIface] = useState('');
  const [problem, setProblem] = useState<{ message: string; hint?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const offSeen = onEvent('capture:devices-seen', (p) => {
      const cur = useStore.getState().live;
      if (!cur || cur.captureId !== p.captureId) return;
      const devices = p.devices as unknown as Device[];
      const seen = [...cur.seen.filter((id) => !devices.some((d) => d.id === id)), ...devices.map((d) => d.id as string)].slice(-500);
      setLive({ ...cur, packets: p.stats.packets, dropped: p.stats.dropped, devices: p.stats.devices, seen });
      void getRunner().ingest(devices).catch((e: unknown) => notify('error', e instanceof Error ? e.message : String(e)));
    });
    const offStopped = onEvent('capture:stopped', (p) => {
      const cur = useStore.getState().live;
      if (!cur || cur.captureId !== p.captureId) return;
      setLive(null);
      if (p.reason !== 'requested') {
        setProblem({ message: p.message ?? 'The live capture stopped.', hint: p.hint });
        notify('error', p.message ?? 'The live capture stopped.', p.hint);
      }
    });
    return () => {
      offSeen();
      offStopped();
    };
  }, [setLive]);

  const loadIfaces = async () => {
    setBusy(true);
    const r = await api()['capture:list-interfaces']({});
    setBusy(false);
    if (r.ok) {
      setIfaces(r.value);
      setProblem(null);
      const first = r.value.find((i) => !i.loopback && i.addresses.length) ?? r.value[0];
      if (first && !iface) setIface(first.name);
    } else setProblem({ message: r.error.message, hint: r.error.hint });
  };

  const start = async () => {
    setBusy(true);
    const r = await api()['capture:start']({ interface: iface });
    setBusy(false);
    if (r.ok) {
      setProblem(null);
      setLive({ captureId: r.value.captureId, iface, filter: r.value.filter, startedAt: Date.now(), packets: 0, dropped: 0, devices: 0, seen: [] });
    } else setProblem({ message: r.error.message, hint: r.error.hint });
  };

  const stop = async () => {
    if (!live) return;
    setBusy(true);
    const r = await api()['capture:stop']({ captureId: live.captureId });
    setBusy(false);
    setLive(null);
    if (r.ok) notify('success', `Live capture stopped: ${r.value.stats.packets.toLocaleString()} packets, ${r.value.stats.dropped} dropped.`);
  };

  return (
    <div className="card live-card">
      <div className="row">
        <h2>Live capture</h2>
        {live ? (
          <div className="live-stats" role="status">
            <span className="dot" aria-hidden="true" /> Capturing on <strong>{live.iface}</strong>: {live.packets.toLocaleString()} packets, {live.devices} devices
            {live.dropped ? <span className="warn-text">, {live.dropped} dropped by the kernel</span> : null}
          </div>
        ) : null}
        <div className="button-row">
          {ifaces === null ? (
            <button type="button" onClick={() => void loadIfaces()} disabled={busy}>
              Choose interface…
            </button>
          ) : (
            <select value={iface} onChange={(e) => setIface(e.target.value)} aria-label="Network interface" disabled={!!live}>
              {ifaces.map((i) => (
                <option key={i.name} value={i.name}>
                  {i.name}
                  {i.addresses.length ? ` (${i.addresses.slice(0, 2).join(', ')})` : ''}
                </option>
              ))}
            </select>
          )}
          {live ? (
            <button type="button" onClick={() => void stop()} disabled={busy}>
              Stop
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void start()} disabled={busy || !iface}>
              Start
            </button>
          )}
        </div>
      </div>
      {problem ? (
        <div className="banner error small" role="alert">
          {problem.message}
          {problem.hint ? <div>{problem.hint}</div> : null}
        </div>
      ) : (
        <p className="muted small">Passive: listens only. Uses a filter that keeps the traffic in which devices say who they are.</p>
      )}
    </div>
  );
}

