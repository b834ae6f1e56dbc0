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

/** Slices that features register later extend this record (see registerSlice). */
export type AppState = UiSlice & StorageSlice & UndoSlice & Record<string, unknown>;

let noticeId = 0;

const uiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  view: 'locations',
  setView: (view) => set({ view }),
  notices: [],
  notify: (kind, text, hint) =>
    set((s) => ({ notices: [...s.notices.slice(-4), hint ? { id: ++noticeId, kind, text, hint } : { id: ++noticeId, kind, text }] })),
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

export const useStore = create<AppState>()((...a) => ({
  ...uiSlice(...a),
  ...storageSlice(...a),
  ...undoSlice(...a),
}));

/** Feature slices add their state and actions once, at import time. */
export function registerSlice<T extends Record<string, unknown>>(init: (set: (p: Partial<T>) => void, get: () => T) => T): void {
  const set = (p: Partial<T>) => useStore.setState(p as Partial<AppState>);
  const get = () => useStore.getState() as unknown as T;
  useStore.setState(init(set, get) as unknown as Partial<AppState>);
}

export const notify = (kind: Notice['kind'], text: string, hint?: string) => useStore.getState().notify(kind, text, hint);
