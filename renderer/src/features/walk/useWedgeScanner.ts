import { useEffect, useRef } from 'react';
import { WedgeBuffer } from '../../../../core/survey/scanner';

/**
 * Listen for keyboard-wedge scans anywhere on the page while mounted. Keys typed into text fields
 * are left alone (that field handles its own Enter); elsewhere a fast burst ending in Enter is taken
 * as a scan and its Enter does not click the focused button.
 */
export function useWedgeScanner(onScan: (text: string) => void, enabled = true): void {
  const cb = useRef(onScan);
  cb.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    const buf = new WedgeBuffer();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      const tag = el?.tagName;
      const typing = tag === 'TEXTAREA' || tag === 'SELECT' || el?.isContentEditable || (tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type));
      if (typing) {
        buf.reset();
        return;
      }
      const r = buf.key(e.key, e.timeStamp);
      if (r.kind === 'scan') {
        e.preventDefault();
        e.stopPropagation();
        cb.current(r.text);
      } else if (buf.pending > 1 && e.key === ' ') {
        // A space inside a burst must not press the focused button.
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
