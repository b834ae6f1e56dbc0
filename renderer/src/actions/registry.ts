// Every user edit is a named action (Excalidraw's action registry): undo, keyboard shortcuts and
// tests all go through here. An action performs its change and returns how to undo it.
import { useStore, notify } from '../store';

export interface ActionDef<A> {
  name: string;
  label: (args: A) => string;
  /** Performs the change; returns the undo, or null when the action cannot be undone. */
  perform: (args: A) => Promise<(() => Promise<void>) | null>;
}

const registry = new Map<string, ActionDef<never>>();

export function defineAction<A>(def: ActionDef<A>): (args: A) => Promise<boolean> {
  if (registry.has(def.name)) throw new Error(`action ${def.name} defined twice`);
  registry.set(def.name, def as unknown as ActionDef<never>);
  return (args: A) => runAction(def, args);
}

async function runAction<A>(def: ActionDef<A>, args: A): Promise<boolean> {
  try {
    const undo = await def.perform(args);
    if (undo) useStore.getState().pushUndo({ name: def.name, label: def.label(args), undo });
    return true;
  } catch (e) {
    notify('error', `${def.label(args)} failed: ${e instanceof Error ? e.message : String(e)}`, 'Nothing was changed.');
    return false;
  }
}

export async function undoLast(): Promise<string | undefined> {
  const entry = useStore.getState().popUndo();
  if (!entry) return undefined;
  try {
    await entry.undo();
    return entry.label;
  } catch (e) {
    notify('error', `Undo of "${entry.label}" failed: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

export function actionNames(): string[] {
  return [...registry.keys()];
}
