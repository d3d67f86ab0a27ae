// A goal edit in the 5,000-person organisation's tree, seen by 50 other people who have the tree
// open (issue 4: visible to 50 connected viewers within 100 ms p99). The sync server runs as
// shipped, pinned to core 1, against a freshly seeded database; this process (pinned to core 0)
// holds one writer, who types into a goal's description as a person does (a character or two at a
// time), and 50 viewers, each signed in as a different person of the organisation.
//
// Most viewers are protocol-level clients that keep no document (they find each edit's marker in
// the raw frame: delivery). A few keep a full replica of the tree and apply every update to it,
// as a browser tab does, and are timed when the edit is in their replica's goal description (applied).
//
//   node tests/bench/goal-tree-viewers.ts [--people 5000] [--viewers 50] [--edits 1100]
//
// Writes tests/bench/goal-tree-viewers.results.md and prints the same table.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import {
  createPool,
  createSession,
  generateSessionToken,
  SESSION_COOKIE_NAME,
} from '@threadline/db';
import { findFreePort } from '@threadline/db/free-port';
import { createScratchDatabase } from '@threadline/db/scratch-database';
import { seedOrganisation } from '@threadline/db/seed';
import { goalText } from '@threadline/domain/goals/edits';
import { goalsRoot } from '@threadline/domain/goals/shape';
import { LightClient, connectMany, type Endpoint } from './lib/light-client.ts';
import { formatMarker, markersIn, scanMarkers } from './lib/markers.ts';
import { ServerProcess } from './lib/server-process.ts';
import { SERVERS } from './lib/servers.ts';
import { Samples, summarise, type Summary } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '5000' },
    viewers: { type: 'string', default: '50' },
    replicas: { type: 'string', default: '3' },
    // 1,100 edits cross two compactions (every 500 saved updates, SYNC9), which fold the whole
    // 23 MB tree; the description's length limit (GOAL2) allows about 1,110 markers.
    edits: { type: 'string', default: '1100' },
    'interval-ms': { type: 'string', default: '100' },
    /** Writes the server's V8 CPU profile into this folder (see tests/bench/profile-summary.ts). */
    profile: { type: 'string' },
  },
});
const PEOPLE = Number(values.people);
const VIEWERS = Number(values.viewers);
const REPLICAS = Math.min(VIEWERS, Number(values.replicas));
const EDITS = Number(values.edits);
const INTERVAL_MS = Number(values['interval-ms']);
const SYNC = 0;
const SYNC_UPDATE = 2;
/** viewer:edit pairs already timed in a replica. */
const seen = new Set<string>();
const log = (line: string) => console.log(`[goal-tree-viewers] ${line}`);

// The load generator on core 0, the server on core 1 (as `pnpm bench` does).
if (!process.env.GOAL_VIEWERS_PINNED) {
  execFileSync('taskset', ['-c', '0', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, GOAL_VIEWERS_PINNED: '1' },
  });
  process.exit(0);
}

const database = await createScratchDatabase('threadline_goal_viewers');
const pool = createPool(database.url, 2);
let server: ServerProcess | undefined;
const clients: LightClient[] = [];
try {
  log(`seeding ${PEOPLE} people and their goals…`);
  const organisation = await seedOrganisation(pool, { people: PEOPLE, slug: 'scale', log });
  const { rows: cycles } = await pool.query<{ id: string }>(
    `SELECT id FROM cycles WHERE organisation_id = $1 AND status = 'active'`,
    [organisation.organisationId],
  );
  const documentName = `goals/${cycles[0]!.id}`;
  // The admin writes (may edit any goal); the viewers are the first active people after them.
  const { rows: people } = await pool.query<{ id: string }>(
    `SELECT id FROM people WHERE organisation_id = $1 AND status = 'active'
      ORDER BY (email = $2) DESC, email LIMIT $3`,
    [organisation.organisationId, organisation.adminEmail, VIEWERS + 1],
  );
  const port = await findFreePort();
  const ours = SERVERS.find((s) => s.id === 'ours')!;
  const endpoints: Endpoint[] = [];
  for (const person of people) {
    const token = generateSessionToken();
    await createSession(pool, token, {
      id: person.id,
      organisationId: organisation.organisationId,
    });
    endpoints.push({ protocol: 'ours', port, token, cookie: `${SESSION_COOKIE_NAME}=${token}` });
  }
  server = await ServerProcess.launch({
    entry: ours.entry,
    env: ours.env(database.url, port),
    port,
    core: 1,
    cpuProfileDir: values.profile,
  });

  // The writer loads the tree first (the server loads it from the log once).
  let started = performance.now();
  const writerDoc = new Y.Doc();
  const acked = new Map<number, number>(); // edit → ack time
  const sentAt = new Map<number, number>();
  const clockAfterEdit = new Map<number, number>(); // edit → the writer's clock after it
  const writer = new LightClient(endpoints[0]!, documentName, {
    doc: writerDoc,
    onAck: (stateVector) => {
      const now = performance.now();
      const clock = stateVector.get(writerDoc.clientID) ?? 0;
      for (const [seq, clockAfter] of clockAfterEdit) {
        if (clockAfter <= clock && !acked.has(seq)) acked.set(seq, now - sentAt.get(seq)!);
      }
    },
  });
  clients.push(writer);
  await writer.connect();
  const bytes = Y.encodeStateAsUpdate(writerDoc).byteLength;
  const goalIds = [...goalsRoot(writerDoc).keys()];
  log(
    `writer synced ${goalIds.length} goals (${(bytes / 1e6).toFixed(1)} MB) in ${ms(performance.now() - started)}`,
  );

  // Viewers: delivery for all, applied-in-replica for the first few.
  const delivered = new Samples();
  const applied = new Samples();
  const deliveries = new Map<number, number>();
  const targetGoal = goalIds[Math.floor(goalIds.length / 2)]!;
  started = performance.now();
  const viewers = await connectMany(
    VIEWERS,
    (index) => {
      const doc = index < REPLICAS ? new Y.Doc() : undefined;
      const client = new LightClient(endpoints[index + 1]!, documentName, {
        doc,
        onUpdate: (frame) => {
          const now = performance.now();
          if (doc) {
            // The stock client applies the update; time it once it is in the goal's description.
            const description = goalText(doc, targetGoal, 'description')?.toString() ?? '';
            for (const seq of markersIn(description)) {
              if (sentAt.has(seq) && !seenBy(index, seq)) applied.push(now - sentAt.get(seq)!);
            }
            return;
          }
          scanMarkers(frame, (seq) => {
            const at = sentAt.get(seq);
            if (at === undefined) return;
            delivered.push(now - at);
            deliveries.set(seq, (deliveries.get(seq) ?? 0) + 1);
          });
        },
      });
      clients.push(client);
      if (doc) {
        // Live updates go into the replica before the light client reports the frame (it applies
        // only the initial sync itself), so onUpdate reads the replica with the edit in it.
        client.socket.prependListener('message', (data: Buffer) => applyLive(doc, data));
      }
      return client;
    },
    10,
  );
  const joinMs = performance.now() - started;
  log(`${viewers.length} viewers joined (each received the whole tree) in ${ms(joinMs)}`);

  // The writer types markers into one goal's description, one edit per interval.
  let edited = 0;
  await new Promise<void>((resolve) => {
    const description = goalText(writerDoc, targetGoal, 'description')!;
    const updates: Uint8Array[] = [];
    writerDoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== writer) updates.push(update);
    });
    const timer = setInterval(() => {
      if (edited === EDITS) {
        clearInterval(timer);
        resolve();
        return;
      }
      const seq = edited++;
      updates.length = 0;
      description.insert(description.length, formatMarker(seq));
      clockAfterEdit.set(seq, Y.getState(writerDoc.store, writerDoc.clientID));
      sentAt.set(seq, performance.now());
      for (const update of updates) writer.sendUpdate(update);
    }, INTERVAL_MS);
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  log(`writer refusals ${writer.refusals}, open ${writer.isOpen}, close ${writer.closeCode}`);

  const lightViewers = VIEWERS - REPLICAS;
  const complete = [...deliveries.values()].filter((n) => n === lightViewers).length;
  const table = [
    `# Goal tree edits seen by ${VIEWERS} viewers (${organisation.people} people, ${goalIds.length} goals, ${(bytes / 1e6).toFixed(1)} MB)`,
    '',
    `One writer typed ${EDITS} edits into a goal description, one every ${INTERVAL_MS} ms; ${VIEWERS} other people had the tree open.`,
    '',
    '| measure | p50 | p99 | max | samples | target |',
    '|---|---|---|---|---|---|',
    row('edit → delivered to a viewer (protocol clients)', summarise(delivered), '100 ms p99'),
    row(
      `edit → in a viewer's replica (${REPLICAS} full replicas)`,
      summarise(applied),
      '100 ms p99',
    ),
    row('edit → acknowledged durable to the writer', summarise(Array.from(acked.values())), ''),
    '',
    `Edits delivered to every protocol viewer: ${complete} of ${EDITS}. Viewers joining (${VIEWERS}, 10 at a time, each sent the whole tree): ${ms(joinMs)}.`,
    '',
    'Server pinned to core 1, this process to core 0, on this 2-core machine.',
    '',
  ].join('\n');
  console.log(table);
  await writeFile(new URL('./goal-tree-viewers.results.md', import.meta.url), table);
} catch (error) {
  if (server) console.error(`server output:\n${server.output}`);
  throw error;
} finally {
  for (const client of clients) client.terminate();
  await server?.stop();
  await pool.end();
  await database.drop();
}

/** Each replica counts an edit once. */
function seenBy(viewer: number, seq: number): boolean {
  const key = `${viewer}:${seq}`;
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}

/** Applies a live update frame (sync message, update step) to a viewer's replica. */
function applyLive(doc: Y.Doc, frame: Buffer) {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== SYNC || decoding.readVarUint(decoder) !== SYNC_UPDATE)
    return;
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
}

function row(label: string, summary: Summary, target: string): string {
  return `| ${label} | ${ms(summary.p50)} | ${ms(summary.p99)} | ${ms(summary.max)} | ${summary.count} | ${target} |`;
}

function ms(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} ms` : '–';
}
