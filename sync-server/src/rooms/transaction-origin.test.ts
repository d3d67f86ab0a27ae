import { describe, expect, it } from 'vitest';
import { originOf, policyFor } from './transaction-origin.ts';
import type { RoomMember } from './room-member.ts';

const member: RoomMember = {
  id: 1,
  personId: 'p',
  personName: 'P',
  mode: 'read-write',
  send() {},
  sendFrame() {},
  close() {},
};

describe('transaction origins', () => {
  it('[SYNC6] saves and relays a client update', () => {
    expect(policyFor({ kind: 'connection', member })).toEqual({ persist: true, broadcast: true });
  });
  it('[SYNC6] saves and relays the server’s own change', () => {
    expect(policyFor({ kind: 'server' })).toEqual({ persist: true, broadcast: true });
  });
  it('[SYNC6] neither saves nor relays what was loaded from storage', () => {
    expect(policyFor({ kind: 'storage' })).toEqual({ persist: false, broadcast: false });
  });
  it('[SYNC6] relays but never saves again what another node relayed', () => {
    expect(policyFor({ kind: 'peer', nodeId: 'n2' })).toEqual({ persist: false, broadcast: true });
  });
  it('[SYNC26] relays but never saves again what a catch-up read back from the log', () => {
    expect(policyFor({ kind: 'catch-up' })).toEqual({ persist: false, broadcast: true });
  });
  it('[SYNC6] treats an origin that is not ours as the server’s own change, so it is saved', () => {
    expect(originOf(null)).toEqual({ kind: 'server' });
    expect(originOf('timeout')).toEqual({ kind: 'server' });
    expect(originOf({ kind: 'storage' })).toEqual({ kind: 'storage' });
  });
});
