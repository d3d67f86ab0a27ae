// SYNC24: a node's documents share a few projection slots, so projections never take every
// connection of the pool (saves must always find one).
import pLimit from 'p-limit';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Pool } from '@threadline/db';
import { createSyncMetrics } from '../operations/metrics.ts';
import { DocumentProjection, type DocumentProjectionOptions } from './document-projection.ts';
import type { DocumentEffects, DocumentProjector } from './document-projector.ts';

const timing = {
  delayMs: 0,
  maxDelayMs: 0,
  allEveryMs: 60 * 60 * 1000,
  retry: { initialMs: 1000, maxMs: 30_000 },
};

/** A projector whose context read waits until the test lets it go, counting reads under way. */
function gatedProjector() {
  const state = { running: 0, most: 0, started: 0, release: [] as (() => void)[] };
  const projector: DocumentProjector = {
    context: () =>
      new Promise<void>((resolve) => {
        state.started += 1;
        state.most = Math.max(state.most, ++state.running);
        state.release.push(() => {
          state.running -= 1;
          resolve();
        });
      }),
    follow: () => ({ rows: () => [], stop: () => {} }),
    write: async () => {},
  };
  return { projector, state };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** `count` agendas' projections with `projector`, sharing what `shared` gives them. */
function projectionsOf(
  count: number,
  projector: DocumentProjector,
  shared: Partial<DocumentProjectionOptions>,
): DocumentProjection[] {
  return Array.from(
    { length: count },
    (_, n) =>
      new DocumentProjection({
        key: { organisationId: 'o', name: `one-on-one/${n + 1}` },
        doc: new Y.Doc(),
        projector,
        db: {} as Pool,
        timing,
        metrics: createSyncMetrics(),
        log: pino({ level: 'silent' }),
        ...shared,
      }),
  );
}

describe('DocumentProjection', () => {
  it('[SYNC24] projects no more documents at once than the node has slots', async () => {
    const { projector, state } = gatedProjector();
    const projections = projectionsOf(5, projector, { limit: pLimit(2) });
    for (const projection of projections) projection.schedule();
    await tick();
    expect(state.started).toBe(2);
    while (state.release.length > 0) {
      state.release.shift()!();
      await tick();
    }
    expect(state.started).toBe(5);
    expect(state.most).toBe(2);
    for (const projection of projections) projection.stop();
  });

  it('[SYNC24] [ONE20] effects that never end hold no projection slot', async () => {
    let contexts = 0;
    const projector: DocumentProjector = {
      context: async () => {
        contexts += 1;
      },
      follow: () => ({ rows: () => [], stop: () => {} }),
      write: async () => {},
      // Waits for another document's save that never comes (a database in trouble).
      afterWrite: () => new Promise<void>(() => {}),
    };
    const projections = projectionsOf(3, projector, {
      effects: { change: () => new Promise(() => {}) } as unknown as DocumentEffects,
      limit: pLimit(1),
      effectsLimit: pLimit(1),
    });
    for (const projection of projections) projection.schedule();
    await tick();
    await tick();
    expect(contexts).toBe(3);
    for (const projection of projections) projection.stop();
  });
});
