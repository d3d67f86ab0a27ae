import { describe, expect, it } from 'vitest';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { classifyClose, deriveStatus, describeStatus, type SyncFacts } from './status.ts';

const live: SyncFacts = {
  connection: 'connected',
  synced: true,
  lostConnection: false,
  networkDown: false,
  acked: new Map([[1, 5]]),
  received: new Map(),
  local: new Map([[1, 5]]),
  refusal: null,
  readOnly: false,
  terminal: null,
  saveDelayed: false,
  serverUnavailable: false,
};

const facts = (changes: Partial<SyncFacts>): SyncFacts => ({ ...live, ...changes });

describe('deriveStatus', () => {
  it('[SC1] says "saved" only when the acknowledged state vector covers every local clock', () => {
    expect(deriveStatus(live)).toEqual({ kind: 'saved' });
    expect(deriveStatus(facts({ local: new Map([[1, 6]]) }))).toEqual({ kind: 'saving' });
    // A change of another client's that did not come from the server (another tab's, read from
    // this device's store) and no Ack covers yet.
    expect(
      deriveStatus(
        facts({
          local: new Map([
            [1, 5],
            [2, 1],
          ]),
        }),
      ),
    ).toEqual({ kind: 'saving' });
    expect(deriveStatus(facts({ acked: new Map([[1, 9]]) }))).toEqual({ kind: 'saved' });
    expect(deriveStatus(facts({ acked: new Map(), local: new Map() }))).toEqual({
      kind: 'saved',
    });
  });

  it('[SC1] counts changes received from the server as saved: they are their sender’s to save', () => {
    const relayed = new Map([
      [1, 5],
      [2, 4],
    ]);
    expect(deriveStatus(facts({ local: relayed, received: new Map([[2, 4]]) }))).toEqual({
      kind: 'saved',
    });
    // Only part of client 2's changes came from the server: the rest needs an Ack.
    expect(deriveStatus(facts({ local: relayed, received: new Map([[2, 3]]) }))).toEqual({
      kind: 'saving',
    });
    expect(
      deriveStatus(facts({ local: relayed, received: new Map([[2, 3]]), acked: relayed })),
    ).toEqual({ kind: 'saved' });
  });

  it('[SC1] says "connecting" until the first handshake is done, never "saved" before it', () => {
    expect(deriveStatus(facts({ connection: 'disconnected', synced: false }))).toEqual({
      kind: 'connecting',
    });
    expect(deriveStatus(facts({ connection: 'connecting', synced: false }))).toEqual({
      kind: 'connecting',
    });
    expect(deriveStatus(facts({ synced: false }))).toEqual({ kind: 'connecting' });
  });

  it('[SC2] says "offline" from a lost connection until the next handshake, through retries', () => {
    const lost = { synced: false, lostConnection: true };
    expect(deriveStatus(facts({ ...lost, connection: 'disconnected' }))).toEqual({
      kind: 'offline',
    });
    expect(deriveStatus(facts({ ...lost, connection: 'connecting' }))).toEqual({
      kind: 'offline',
    });
    expect(deriveStatus(facts({ ...lost, connection: 'connected' }))).toEqual({
      kind: 'connecting',
    });
    expect(deriveStatus(facts({ connection: 'connecting', networkDown: true }))).toEqual({
      kind: 'offline',
    });
  });

  it('[SC5] shows a refusal once resynced, until the next local change clears it', () => {
    expect(deriveStatus(facts({ refusal: 'document-too-large' }))).toEqual({
      kind: 'refused',
      reason: 'document-too-large',
    });
    expect(
      deriveStatus(facts({ refusal: 'document-too-large', connection: 'connecting' })),
    ).toEqual({ kind: 'connecting' });
  });

  it('[SC9] says "read only" once synced, when the server said this connection may not write', () => {
    expect(deriveStatus(facts({ readOnly: true }))).toEqual({ kind: 'read-only' });
    expect(deriveStatus(facts({ readOnly: true, synced: false }))).toEqual({ kind: 'connecting' });
    expect(deriveStatus(facts({ readOnly: true, refusal: 'read-only' }))).toEqual({
      kind: 'refused',
      reason: 'read-only',
    });
  });

  it('[SC11] says changes are kept on this device while the server says its saves are held up', () => {
    const unsaved = { local: new Map([[1, 6]]), saveDelayed: true };
    expect(deriveStatus(facts(unsaved))).toEqual({ kind: 'save-delayed' });
    // Nothing of ours waits: saved is still saved, whatever happens to others' saves.
    expect(deriveStatus(facts({ saveDelayed: true }))).toEqual({ kind: 'saved' });
    // Without the server's word, an unacknowledged change is only "saving".
    expect(deriveStatus(facts({ ...unsaved, saveDelayed: false }))).toEqual({ kind: 'saving' });
    // A refusal or read-only access still says more.
    expect(deriveStatus(facts({ ...unsaved, refusal: 'schema' }))).toEqual({
      kind: 'refused',
      reason: 'schema',
    });
  });

  it('[SC11] after a 1013 close, says the server cannot save rather than "offline" until the next handshake', () => {
    const turnedAway = { connection: 'disconnected', synced: false, lostConnection: true } as const;
    expect(deriveStatus(facts({ ...turnedAway, serverUnavailable: true }))).toEqual({
      kind: 'save-delayed',
    });
    expect(deriveStatus(facts({ ...turnedAway, serverUnavailable: false }))).toEqual({
      kind: 'offline',
    });
    // The device's own network comes first: that is the reason to tell.
    expect(
      deriveStatus(facts({ ...turnedAway, serverUnavailable: true, networkDown: true })),
    ).toEqual({ kind: 'offline' });
  });

  it('[SC3] lets a terminal close outrank everything else', () => {
    const terminal = { kind: 'unauthorized' } as const;
    expect(deriveStatus(facts({ terminal }))).toEqual(terminal);
    expect(deriveStatus(facts({ terminal, connection: 'disconnected', networkDown: true }))).toBe(
      terminal,
    );
  });
});

describe('classifyClose', () => {
  it.each([
    [CloseCode.Unauthorized, { kind: 'unauthorized' }],
    [CloseCode.Forbidden, { kind: 'forbidden' }],
    [CloseCode.UnknownDocument, { kind: 'not-found' }],
    [CloseCode.BadMessage, { kind: 'failed', code: 4400, reason: 'why' }],
    [4499, { kind: 'failed', code: 4499, reason: 'why' }],
  ])('[SC3] stops reconnecting after %i', (code, status) => {
    expect(classifyClose(code, 'why')).toEqual({ action: 'stop', status });
  });

  it.each([
    1000,
    1006,
    CloseCode.ServerRestarting,
    CloseCode.TryAgainLater,
    CloseCode.TooManyMessages,
    4500,
    4599,
  ])('[SC3] reconnects with backoff after %i', (code) => {
    expect(classifyClose(code, '')).toEqual({ action: 'retry' });
  });

  it('[SC5] drops the replica after 4409, the close that follows a Refused message', () => {
    expect(classifyClose(CloseCode.ChangeRefused, '')).toEqual({
      action: 'reset',
      reason: 'refused',
    });
  });

  it('[SC5] treats a frame too big for the server as a refused change', () => {
    expect(classifyClose(CloseCode.MessageTooBig, '')).toEqual({
      action: 'reset',
      reason: 'message-too-big',
    });
  });
});

describe('describeStatus', () => {
  it('[SC1] words every status, so the badge never relies on colour alone', () => {
    const states = [
      { kind: 'offline' },
      { kind: 'connecting' },
      { kind: 'saving' },
      { kind: 'saved' },
      { kind: 'save-delayed' },
      { kind: 'refused', reason: 'document-too-large' },
      { kind: 'read-only' },
      { kind: 'unauthorized' },
      { kind: 'forbidden' },
      { kind: 'not-found' },
      { kind: 'failed', code: 4400, reason: 'Malformed sync message.' },
    ] as const;
    const labels = states.map((state) => describeStatus(state).label);
    expect(new Set(labels).size).toBe(states.length);
    expect(describeStatus({ kind: 'saved' }).label).toBe('All changes saved');
    expect(describeStatus({ kind: 'refused', reason: 'forbidden' }).detail).toMatch(/may not/);
    expect(describeStatus({ kind: 'refused', reason: 'odd' }).detail).toContain('(odd)');
  });

  it('[SC11] tells the person their changes are on this device and why they are not saved yet', () => {
    const { label, detail } = describeStatus({ kind: 'save-delayed' });
    expect(label).toBe('Saved on this device');
    expect(detail).toMatch(/can't reach its database/);
    expect(detail).toMatch(/Retrying/);
  });
});
