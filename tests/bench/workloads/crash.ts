// Crash test: rooms of writers typing fast, the server killed with SIGKILL mid-storm, restarted
// on the same database, and every room read back. Counted: edits whose writer had been told they
// were saved and that are missing after the restart.
//
// What "told it was saved" means differs, and that is the point of the comparison: ours sends an
// ack after COMMIT; Hocuspocus sends a sync status once it has applied an update in memory (its
// provider shows "synced"), and stores later (debounced); y-websocket's server keeps documents in
// memory only and confirms nothing, so for it "sent" is all a client can know.
import * as Y from 'yjs';
import type { BenchContext } from '../lib/context.ts';
import { allDescriptions } from '../lib/goal-docs.ts';
import { LightClient } from '../lib/light-client.ts';
import { markersIn } from '../lib/markers.ts';
import { RoomLoad } from '../lib/room-load.ts';

export interface CrashResult {
  sent: number;
  confirmed: number;
  /** Confirmed (acknowledged) before the kill, missing after the restart. */
  confirmedLost: number;
  /** Sent (not necessarily confirmed), missing after the restart. */
  sentLost: number;
}

export async function runCrash(context: BenchContext): Promise<CrashResult> {
  const { quick } = context.scale;
  const load = await RoomLoad.open(
    context.endpoint,
    context.database,
    {
      rooms: quick ? 5 : 10,
      clientsPerRoom: 5,
      writersPerRoom: 5,
      editsPerSecond: 10,
      bursts: false,
      presence: false,
    },
    context.process,
  );
  load.start();
  await new Promise((resolve) => setTimeout(resolve, quick ? 2000 : 5000));
  await context.process.crash();
  load.stop();
  await load.close();
  await context.restart();

  const present = new Set<number>();
  for (const documentName of load.documents) {
    const doc = new Y.Doc();
    const reader = await new LightClient(context.endpoint, documentName, { doc }).connect();
    for (const seq of markersIn(allDescriptions(doc))) present.add(seq);
    reader.terminate();
  }
  const { tracker } = load;
  let sent = 0;
  let confirmed = 0;
  let confirmedLost = 0;
  let sentLost = 0;
  for (let seq = 0; seq < tracker.count; seq++) {
    if (!tracker.wasSent(seq)) continue;
    sent++;
    const lost = !present.has(seq);
    if (lost) sentLost++;
    if (tracker.isConfirmed(seq)) {
      confirmed++;
      if (lost) confirmedLost++;
    }
  }
  return { sent, confirmed, confirmedLost, sentLost };
}
