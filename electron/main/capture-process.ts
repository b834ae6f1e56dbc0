// In the packaged app the capture process is an Electron utility process (a Node child that Electron
// manages; plain fork() would need ELECTRON_RUN_AS_NODE, which the fuses turn off). This adapts it to
// the CaptureChild the capture service drives.
import type { CaptureChild, CaptureSpawner } from '../capture/live-capture';
import type { ToChild, ToParent } from '../capture/live-protocol';

export interface UtilityProcessLike {
  postMessage(m: unknown): void;
  kill(): boolean;
  readonly pid: number | undefined;
  on(event: 'message', listener: (m: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
}

export function utilitySpawner(fork: (modulePath: string) => UtilityProcessLike): CaptureSpawner {
  return (entry) => {
    const child = fork(entry);
    let alive = true;
    child.once('exit', () => {
      alive = false;
    });
    const adapted: CaptureChild = {
      send: (m: ToChild) => child.postMessage(m),
      get connected() {
        return alive;
      },
      kill: () => {
        alive = false;
        child.kill();
      },
      on: ((event: 'message' | 'exit', listener: (x: never) => void) => {
        if (event === 'message') child.on('message', (m) => (listener as (m: ToParent) => void)(m as ToParent));
        else child.on('exit', listener as (code: number) => void);
      }) as CaptureChild['on'],
      once: ((event: 'error' | 'exit', listener: (x: never) => void) => {
        // utilityProcess reports start-up failures as an exit with a code, not an 'error' event.
        if (event === 'exit') child.once('exit', listener as (code: number) => void);
      }) as CaptureChild['once'],
    };
    return adapted;
  };
}
