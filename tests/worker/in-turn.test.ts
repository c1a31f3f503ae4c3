import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../src/worker/in-turn.ts';

// Comlink starts a worker call as its message arrives. The worker's computations await (the GPU adapter, a field
// from another worker), so without a queue the next call would run in the middle of the one before.

describe('a worker’s computations, one at a time', () => {
  it('starts a call that arrives while another awaits only once that one has ended, in arrival order', async () => {
    const inTurn = oneAtATime();
    const events: string[] = [];
    let release = () => {};
    const adapter = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The sonication computed ahead awaits the adapter; a Sonicate arrives meanwhile.
    const ahead = inTurn(async () => {
      events.push('ahead: awaits the adapter');
      await adapter;
      events.push('ahead: computed');
      return 'kept';
    });
    const click = inTurn(() => {
      events.push('sonicate: starts');
      return 'taken';
    });
    await Promise.resolve();
    expect(events).toEqual(['ahead: awaits the adapter']);
    release();
    expect(await click).toBe('taken');
    expect(await ahead).toBe('kept');
    expect(events).toEqual(['ahead: awaits the adapter', 'ahead: computed', 'sonicate: starts']);
  });

  it('goes on after a call that failed, and hands each caller its own result or error', async () => {
    const inTurn = oneAtATime();
    const failed = inTurn(() => {
      throw new Error('stopped');
    });
    const next = inTurn(async () => 42);
    await expect(failed).rejects.toThrow('stopped');
    expect(await next).toBe(42);
  });
});
