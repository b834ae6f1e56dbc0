import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { utilitySpawner } from './capture-process';

class FakeUtility extends EventEmitter {
  pid = 42;
  posted: unknown[] = [];
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  kill() {
    this.emit('exit', 0);
    return true;
  }
}

describe('utility-process spawner for live capture', () => {
  it('adapts postMessage / message / exit to the capture child the service drives', () => {
    const fake = new FakeUtility();
    const fork = vi.fn(() => fake);
    const child = utilitySpawner(fork)('/app/out/main/live-capture-process.js');
    expect(fork).toHaveBeenCalledWith('/app/out/main/live-capture-process.js');
    child.send({ type: 'list' });
    expect(fake.posted).toEqual([{ type: 'list' }]);
    const got: unknown[] = [];
    child.on('message', (m) => got.push(m));
    fake.emit('message', { type: 'interfaces', interfaces: [] });
    expect(got).toEqual([{ type: 'interfaces', interfaces: [] }]);
    expect(child.connected).toBe(true);
    const exits: unknown[] = [];
    child.once('exit', (c) => exits.push(c));
    child.kill();
    expect(child.connected).toBe(false);
    expect(exits).toEqual([0]);
  });
});
