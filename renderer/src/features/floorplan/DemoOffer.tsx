import { useStore, notify } from '../../store';
import { loadDemo } from './demo';
import { walkState } from '../walk/data';

/** First run: no floor yet. Offer the demo ward, or point to Sites & floors. */
export function DemoOffer() {
  const by = useStore((s) => s.surveyor);
  const setView = useStore((s) => s.setView);
  return (
    <div className="card demo-card">
      <h2>No floor yet</h2>
      <p>
        See the whole flow in a minute with a demo ward: a plan with 12 rooms, about 40 devices (infusion pumps, monitors, an ultrasound cart…), a survey round from two months ago and the devices a short capture would
        show. Then try <strong>Ward walk</strong>: pick a room and scan a tag such as <code>W3B-IP-001</code>.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void loadDemo({
              by,
              onLoaded: (ids) => {
                walkState().setFloorId(ids.floorId);
                notify('success', 'Demo hospital loaded: Ward 3B, 12 rooms, 41 devices.', 'Undo (Ctrl+Z) removes it again.');
              },
            })
          }
        >
          Load the demo hospital
        </button>
        <button type="button" onClick={() => setView('locations')}>
          Create my own floor
        </button>
      </div>
    </div>
  );
}
