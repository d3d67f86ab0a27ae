import { describe, expect, it, vi } from 'vitest';
import { openDocument } from './synced-document.ts';
import { SyncStatus } from './sync-status.svelte.ts';
import { track } from './svelte-test-runtime.ts';

vi.mock('svelte/reactivity', async () =>
  (await import('./svelte-test-runtime.ts')).clientReactivity(),
);

describe('SyncStatus', () => {
  it('[SC2] tells its readers when the status changes: connecting, then offline with no server', async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const document = openDocument({
      name: 'goals/00000000-0000-4000-8000-000000000000',
      syncUrl: 'ws://127.0.0.1:9',
      user: { id: 'p1', name: 'Ada' },
      persistence: null,
      watchNetwork: false,
    });
    const status = new SyncStatus(document);
    const seen = track(() => `${status.label} (${status.current.kind})`);
    await vi.waitFor(() => {
      seen.flush();
      expect(seen.values.at(-1)).toBe('Offline (offline)');
    });
    expect(seen.values[0]).toBe('Connecting… (connecting)');
    expect(status.stopped).toBe(false);
    expect(status.detail).toMatch(/kept on this device/);
    seen.stop();
    await document.destroy();
  });
});
