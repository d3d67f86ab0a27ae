// Revocation within a second, on every node (SYNC21, SYNC23): the database announces every change
// of access (triggers → NOTIFY threadline_access), and each sync-server node re-checks the open
// connections it concerns: a signed-out session's or a deactivated person's connections close
// with 4401, a closed cycle's goal tree turns read-only, a manager who loses a report loses the
// right to edit their goals at once. An expired session is closed by a sweep.
import { afterAll, describe, expect, it } from 'vitest';
import { invalidateSession } from '@threadline/db';
import { deactivatePerson } from '@threadline/db/people';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { goalText } from '@threadline/domain/goals/edits';
import { databaseDocumentAccess } from '@threadline/sync-server/auth/document-access';
import { PRODUCTION_KINDS } from '@threadline/sync-server/documents/production-kinds';
import { ActorCache } from '@threadline/sync-server/documents/actor-cache';
import { createSyncMetrics } from '@threadline/sync-server/operations/metrics';
import {
  AccessGuard,
  type GuardedConnection,
} from '@threadline/sync-server/revocation/access-guard';
import { silentLog, useSyncServer } from '../support/sync-server.ts';
import { createCycle, goalEditor, openRaw, signInWith } from './sync-support.ts';

// Two nodes on one database, without Redis: revocation reaches each through Postgres alone.
const options = { config: { expirySweepMs: 100 } };
const sync = useSyncServer(options);
const nodes = [sync, useSyncServer(options, sync)];

const latencies: Record<string, number[]> = {};
afterAll(() => {
  for (const [what, ms] of Object.entries(latencies)) {
    console.info(`[SYNC23] ${what}: ${ms.map((m) => `${m.toFixed(1)} ms`).join(', ')}`);
  }
});

/** Resolves with the close code and how long after `since` (ms) it came. */
async function closedAfter(raw: Awaited<ReturnType<typeof openRaw>>, since: () => number) {
  const code = await raw.closed;
  return { code, ms: performance.now() - since() };
}

async function organisation() {
  const { rows } = await sync.db.pool.query<{ id: string }>(
    `INSERT INTO organisations (name, slug) VALUES ('Acme', 'acme-' || substr(md5(random()::text), 1, 8))
     RETURNING id`,
  );
  const organisationId = rows[0]!.id;
  const cycleId = await createCycle(sync.db.pool, organisationId);
  return { organisationId, documentName: `goals/${cycleId}`, cycleId };
}

describe('revocation', () => {
  it('[SYNC23] closes the connections of a signed-out session with 4401, on every node, within a second', async () => {
    const org = await organisation();
    const person = await signInWith(sync.db.pool, org.organisationId);
    const otherSession = await signInWith(sync.db.pool, org.organisationId);
    const raws = await Promise.all(
      nodes.map((node) => openRaw(node.port, org.documentName, person.cookie)),
    );
    const bystander = await openRaw(nodes[0]!.port, org.documentName, otherSession.cookie);
    await Promise.all(raws.map((raw) => raw.until(() => raw.acks().length > 0)));
    // Measured from before the sign-out's commit: an upper bound of the latency.
    const signedOutAt = performance.now();
    const closes = Promise.all(raws.map((raw) => closedAfter(raw, () => signedOutAt)));
    await invalidateSession(sync.db.pool, person.sessionId);
    const results = await closes;
    expect(results.map((r) => r.code)).toEqual([CloseCode.Unauthorized, CloseCode.Unauthorized]);
    (latencies['sign-out → close, two nodes'] ??= []).push(...results.map((r) => r.ms));
    for (const { ms } of results) expect(ms).toBeLessThan(1000);
    expect(bystander.closeCode).toBeUndefined();
  });

  it('[SYNC23] closes every connection of a deactivated person with 4401', async () => {
    const org = await organisation();
    const admin = await signInWith(sync.db.pool, org.organisationId, { role: 'admin' });
    const person = await signInWith(sync.db.pool, org.organisationId);
    const raws = await Promise.all(
      nodes.map((node) => openRaw(node.port, org.documentName, person.cookie)),
    );
    await Promise.all(raws.map((raw) => raw.until(() => raw.acks().length > 0)));
    let at = 0;
    const closes = Promise.all(raws.map((raw) => closedAfter(raw, () => at)));
    const outcome = await deactivatePerson(
      sync.db.pool,
      org.organisationId,
      admin.personId,
      person.personId,
    );
    at = performance.now();
    expect(outcome.ok).toBe(true);
    const results = await closes;
    expect(results.map((r) => r.code)).toEqual([CloseCode.Unauthorized, CloseCode.Unauthorized]);
    (latencies['deactivation → close'] ??= []).push(...results.map((r) => r.ms));
  });

  it('[SYNC23] turns a goal tree read-only when its cycle closes, and writable when it reopens', async () => {
    const org = await organisation();
    const person = await signInWith(sync.db.pool, org.organisationId);
    const raw = await openRaw(nodes[1]!.port, org.documentName, person.cookie);
    await raw.until(() => raw.received.some((m) => m.type === 'access'));
    const modes = () => raw.received.flatMap((m) => (m.type === 'access' ? [m.mode] : []));
    expect(modes()).toEqual(['read-write']);
    const closedAt = performance.now();
    const downgraded = raw
      .until(() => modes().at(-1) === 'read-only')
      .then(() => performance.now());
    await sync.db.pool.query(`UPDATE cycles SET status = 'closed' WHERE id = $1`, [org.cycleId]);
    (latencies['cycle closed → read-only'] ??= []).push((await downgraded) - closedAt);

    await sync.db.pool.query(`UPDATE cycles SET status = 'planned' WHERE id = $1`, [org.cycleId]);
    await raw.until(() => modes().at(-1) === 'read-write');
    await sync.db.pool.query(`UPDATE cycles SET status = 'closed' WHERE id = $1`, [org.cycleId]);
    await raw.until(() => modes().at(-1) === 'read-only');
    const mine = goalEditor(person.personId);
    for (const update of mine.take()) raw.sendUpdate(update);
    expect(await raw.closed).toBe(CloseCode.ChangeRefused);
    expect(raw.received).toContainEqual({ type: 'refused', reason: 'read-only' });
  });

  it('[SYNC21] [SYNC23] refuses a manager’s edit of a goal once its owner no longer reports to them', async () => {
    const org = await organisation();
    const manager = await signInWith(sync.db.pool, org.organisationId);
    const report = await signInWith(sync.db.pool, org.organisationId, {
      managerId: manager.personId,
    });
    const reportsGoal = goalEditor(report.personId);
    const reportSocket = await openRaw(nodes[0]!.port, org.documentName, report.cookie);
    for (const update of reportsGoal.take()) reportSocket.sendUpdate(update);
    await reportSocket.until(() => (reportSocket.lastAck().get(reportsGoal.doc.clientID) ?? 0) > 0);

    const managerSocket = await openRaw(nodes[0]!.port, org.documentName, manager.cookie);
    const title = goalText(reportsGoal.doc, reportsGoal.goalId, 'title')!;
    title.insert(0, 'Reviewed: ');
    for (const update of reportsGoal.take()) managerSocket.sendUpdate(update);
    await managerSocket.until(() => managerSocket.acks().length > 1);
    expect(managerSocket.closeCode).toBeUndefined();

    await sync.db.pool.query(`UPDATE people SET manager_id = NULL WHERE id = $1`, [
      report.personId,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    title.insert(0, 'Again: ');
    for (const update of reportsGoal.take()) managerSocket.sendUpdate(update);
    expect(await managerSocket.closed).toBe(CloseCode.ChangeRefused);
    expect(managerSocket.received).toContainEqual({ type: 'refused', reason: 'forbidden' });
  });

  it('[SYNC23] closes a connection whose session has expired, unless the web app extended it', async () => {
    // Opening a connection slides a session's expiry 30 days forward (AUTH), so the sweep is
    // driven here directly, with the clock of the day the sessions expire.
    const org = await organisation();
    const expired = await signInWith(sync.db.pool, org.organisationId);
    const extended = await signInWith(sync.db.pool, org.organisationId);
    const guard = new AccessGuard({
      db: sync.db.pool,
      access: databaseDocumentAccess(sync.db.pool, PRODUCTION_KINDS),
      kinds: PRODUCTION_KINDS,
      actors: new ActorCache(sync.db.pool, (key, read) => sync.server.rooms.read(key, read)),
      metrics: createSyncMetrics(),
      log: silentLog,
    });
    const closes = new Map<string, number>();
    const connection = (who: { personId: string; sessionId: string }): GuardedConnection => ({
      sessionId: who.sessionId,
      expiresAt: new Date(Date.now() - 1),
      person: {
        id: who.personId,
        organisationId: org.organisationId,
        organisationName: 'Acme',
        organisationLocale: null,
        name: 'Someone',
        email: 'someone@example.test',
        role: 'member',
      },
      document: { kind: 'goals', cycleId: org.cycleId },
      mode: 'read-write',
      setMode() {},
      close: (code) => void closes.set(who.sessionId, code),
    });
    const lapsed = connection(expired);
    const renewed = connection(extended);
    guard.add(lapsed);
    guard.add(renewed);
    await sync.db.pool.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [expired.sessionId],
    );
    await guard.sweepExpired();
    expect(closes).toEqual(new Map([[expired.sessionId, CloseCode.Unauthorized]]));
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
  });
});
