import { describe, expect, it } from 'vitest';
import { snapshotUrl } from './snapshot-fetch.ts';

describe('where a snapshot is fetched from', () => {
  it('[SYNC27] asks the sync server’s HTTP side for the whole snapshot', () => {
    expect(snapshotUrl('ws://127.0.0.1:3001', 'goals/c1', 'whole')).toBe(
      'http://127.0.0.1:3001/snapshot/goals/c1',
    );
    expect(snapshotUrl('wss://sync.example.test/', 'goals/c1', 'whole')).toBe(
      'https://sync.example.test/snapshot/goals/c1',
    );
  });

  it('[SYNC27] [GOAL29] names the first screen in the query', () => {
    expect(snapshotUrl('ws://127.0.0.1:3001', 'goals/c1', 'first-screen')).toBe(
      'http://127.0.0.1:3001/snapshot/goals/c1?part=first-screen',
    );
  });
});
