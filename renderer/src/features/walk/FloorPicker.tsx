import { useEffect } from 'react';
import { useFloorOptions, useWalk } from './data';

/** Floor chooser shared by the plan, walk and survey views; remembers the choice in the store. */
export function FloorPicker({ id = 'floor-picker' }: { id?: string }) {
  const options = useFloorOptions();
  const floorId = useWalk((s) => s.floorId);
  const setFloorId = useWalk((s) => s.setFloorId);
  useEffect(() => {
    if (options && options.length && (!floorId || !options.some((o) => o.floor.id === floorId))) setFloorId(options[0]!.floor.id);
  }, [options, floorId, setFloorId]);
  if (!options) return null;
  return (
    <label className="floor-picker">
      <span className="sr-only">Floor</span>
      <select id={id} aria-label="Floor" value={floorId ?? ''} onChange={(e) => setFloorId(e.target.value || undefined)}>
        {options.length === 0 ? <option value="">No floor yet</option> : null}
        {options.map((o) => (
          <option key={o.floor.id} value={o.floor.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
