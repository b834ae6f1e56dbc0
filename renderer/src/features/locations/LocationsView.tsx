import { useState } from 'react';
import type { FormEvent } from 'react';
import { useBuildings, useFloors, useSites } from '../../db/hooks';
import { createBuilding, createFloor, createSite } from '../../actions/locations';
import { useStore } from '../../store';
import type { BuildingId, SiteId } from '../../../../core/model/ids';

/** Sites → buildings → floors. Rooms and plans are drawn on the floor plan view. */
export function LocationsView() {
  const sites = useSites();
  const surveyor = useStore((s) => s.surveyor);
  const setView = useStore((s) => s.setView);
  const [siteId, setSiteId] = useState<string>();
  const [buildingId, setBuildingId] = useState<string>();
  const buildings = useBuildings(siteId);
  const floors = useFloors(buildingId);

  return (
    <section className="view" aria-labelledby="locations-title">
      <header className="view-header">
        <h1 id="locations-title">Sites &amp; floors</h1>
        <p className="muted">Every room, pin and confirmation belongs to a floor of a building of a site.</p>
      </header>
      {sites && sites.length === 0 ? (
        <div className="banner info" role="note">
          New to Wardwalk? <button type="button" className="link" onClick={() => setView('floorplan')}>Load the demo hospital floor</button> to see the whole
          flow — plan, rooms, devices, the ward walk — in a minute.
        </div>
      ) : null}
      <div className="columns">
        <Column
          title="Sites"
          empty="No site yet. Add the hospital you are surveying."
          items={(sites ?? []).map((s) => ({ id: s.id, label: s.name, sub: s.address }))}
          selected={siteId}
          onSelect={(id) => {
            setSiteId(id);
            setBuildingId(undefined);
          }}
          addLabel="Add site"
          placeholder="e.g. St Mary's Hospital"
          onAdd={(name) => createSite({ name, by: surveyor })}
        />
        <Column
          title="Buildings"
          empty={siteId ? 'No building yet.' : 'Choose a site.'}
          items={(buildings ?? []).map((b) => ({ id: b.id, label: b.name }))}
          selected={buildingId}
          onSelect={setBuildingId}
          addLabel="Add building"
          placeholder="e.g. North Wing"
          disabled={!siteId}
          onAdd={(name) => createBuilding({ siteId: siteId as SiteId, name, by: surveyor })}
        />
        <Column
          title="Floors"
          empty={buildingId ? 'No floor yet.' : 'Choose a building.'}
          items={(floors ?? []).map((f) => ({ id: f.id, label: f.name }))}
          addLabel="Add floor"
          placeholder="e.g. Level 3 — Ward 3B"
          disabled={!buildingId}
          onAdd={(name) => createFloor({ buildingId: buildingId as BuildingId, name, by: surveyor })}
        />
      </div>
    </section>
  );
}

function Column(props: {
  title: string;
  empty: string;
  items: { id: string; label: string; sub?: string | undefined }[];
  selected?: string | undefined;
  onSelect?: (id: string) => void;
  addLabel: string;
  placeholder: string;
  disabled?: boolean;
  onAdd: (name: string) => Promise<boolean>;
}) {
  const [name, setName] = useState('');
  const inputId = `add-${props.title.toLowerCase()}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    if (await props.onAdd(name)) setName('');
  };
  return (
    <div className="card column">
      <h2>{props.title}</h2>
      {props.items.length === 0 ? (
        <p className="muted empty">{props.empty}</p>
      ) : (
        <ul className="pick-list" aria-label={props.title}>
          {props.items.map((it) => (
            <li key={it.id}>
              {props.onSelect ? (
              <button
                type="button"
                className={it.id === props.selected ? 'pick selected' : 'pick'}
                aria-pressed={it.id === props.selected}
                onClick={() => props.onSelect?.(it.id)}
              >
                <span>{it.label}</span>
                {it.sub ? <small className="muted">{it.sub}</small> : null}
              </button>
              ) : (
                <div className="pick static">{it.label}</div>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor={inputId} className="sr-only">
          {props.addLabel}
        </label>
        <input
          id={inputId}
          value={name}
          placeholder={props.placeholder}
          disabled={props.disabled}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="primary" disabled={props.disabled || !name.trim()}>
          {props.addLabel}
        </button>
      </form>
    </div>
  );
}
