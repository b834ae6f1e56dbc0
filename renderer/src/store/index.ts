// The one store, split in slices, behind this one module (Excalidraw wraps its state library;
// Actual bans direct imports — lint enforces that zustand is imported only here).
// Live, transient state lives here; persisted data lives in dexie and is read through query hooks.
import { create } from 'zustand';
import type { StateCreator } from 'zustand';

export type ViewId = string;

export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'warning' | 'error';
  text: string;
  hint?: string;
}

export interface UiSlice {
  view: ViewId;
  setView(view: ViewId): void;
  notices: Notice[];
  notify(kind: Notice['kind'], text: string, hint?: string): void;
  dismiss(id: number): void;
  surveyor: string;
  setSurveyor(name: string): void;
}

export interface StorageSlice {
  /** navigator.storage.persist() outcome: null until asked. */
  persisted: boolean | null;
  setPersisted(p: boolean): void;
  lastBackupAt: number | null;
  setLastBackupAt(t: number): void;
}

export interface UndoSlice {
  undoStack: { name: string; label: string; undo: () => Promise<void> }[];
  pushUndo(entry: { name: string; label: string; undo: () => Promise<void> }): void;
  popUndo(): { name: string; label: string; undo: () => Promise<void> } | undefined;
}

export interface FileJob {
  files: string[];
  file: string;
  fileIndex: number;
  bytesRead: number;
  bytesTotal: number;
  packets: number;
  cancelling: boolean;
}

export interface LiveCaptureState {
  captureId: string;
  iface: string;
  filter: string;
  startedAt: number;
  packets: number;
  dropped: number;
  devices: number;
  /** Device ids seen on the wire during this capture, most recent last (network hints). */
  seen: string[];
}

/** Live discovery state: never persisted (persisted devices live in dexie). */
export interface DiscoverSlice {
  fileJob: FileJob | null;
  setFileJob(job: FileJob | null): void;
  live: LiveCaptureState | null;
  setLive(live: LiveCaptureState | null): void;
  selectedDeviceId: string | null;
  selectDevice(id: string | null): void;
}

/** Slices that features register later extend this record (see registerSlice). */
export type AppState = UiSlice & StorageSlice & UndoSlice & DiscoverSlice & Record<string, unknown>;

let noticeId = 0;

const uiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  view: 'locations',
  setView: (view) => set({ view }),
  notices: [],
  notify: (kind, text, hint) => {
    const id = ++noticeId;
    set((s) => ({ notices: [...s.notices.slice(-3), hint ? { id, kind, text, hint } : { id, kind, text }] }));
    // Errors stay until dismissed; the rest fade after a while so they never pile up over the work.
    if (kind !== 'error') setTimeout(() => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), kind === 'warning' ? 12_000 : 6_000);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  surveyor: 'surveyor',
  setSurveyor: (surveyor) => set({ surveyor }),
});

const storageSlice: StateCreator<AppState, [], [], StorageSlice> = (set) => ({
  persisted: null,
  setPersisted: (persisted) => set({ persisted }),
  lastBackupAt: null,
  setLastBackupAt: (lastBackupAt) => set({ lastBackupAt }),
});

const undoSlice: StateCreator<AppState, [], [], UndoSlice> = (set, get) => ({
  undoStack: [],
  pushUndo: (entry) => set((s) => ({ undoStack: [...s.undoStack.slice(-99), entry] })),
  popUndo: () => {
    const stack = get().undoStack;
    const last = stack[stack.length - 1];
    if (last) set({ undoStack: stack.slice(0, -1) });
    return last;
  },
});

const discoverSlice: StateCreator<AppState, [], [], DiscoverSlice> = (set) => ({
  fileJob: null,
  setFileJob: (fileJob) => set({ fileJob }),
  live: null,
  setLive: (live) => set({ live }),
  selectedDeviceId: null,
  selectDevice: (selectedDeviceId) => set({ selectedDeviceId }),
});

export const useStore = create<AppState>()((...a) => ({
  ...uiSlice(...a),
  ...storageSlice(...a),
  ...undoSlice(...a),
  ...discoverSlice(...a),
}));

/** Feature slices add their state and actions once, at import time. */
export function registerSlice<T extends Record<string, unknown>>(init: (set: (p: Partial<T>) => void, get: () => T) => T): void {
  const set = (p: Partial<T>) => useStore.setState(p as Partial<AppState>);
  const get = () => useStore.getState() as unknown as T;
  useStore.setState(init(set, get) as unknown as Partial<AppState>);
}

export const notify = (kind: Notice['kind'], text: string, hint?: string) => useStore.getState().notify(kind, text, hint);
