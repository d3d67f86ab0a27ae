// What the rooms of a room workload hold, who signs in to them, and how their writers edit:
//   goal tree  one goal-tree document per room (a cycle), everyone signed in as the benchmark's
//              admin, each writer typing into the description of a goal of its own;
//   1:1 agenda one real series per room (`one-on-one/<seriesId>`, its row in Postgres), its two
//              members signed in as themselves, the agenda's demo history in each server's
//              storage, then both editing today's meeting (agenda-docs.ts) with what the other
//              did applied to their replica, as a provider would;
//   calibration board  one real session in session per room (`calibration/<sessionId>`, 500 cards),
//              built as starting a session builds it (other servers get its first update through a
//              client), each writer moving a random card with a justification (board-docs.ts).
import * as Y from 'yjs';
import { appendToDocumentLog, type DocumentLogRow } from '@threadline/db/document-log';
import { AgendaEditor } from './agenda-docs.ts';
import { moveRandomCard, newCalibrationBoards } from './board-docs.ts';
import type { BenchSeries } from './bench-series.ts';
import type { BenchDatabase } from './database.ts';
import { addBenchGoals, typeInDescription } from './goal-docs.ts';
import { LightClient, type Endpoint } from './light-client.ts';

export type RoomContentKind = 'goal-tree' | 'agenda' | 'calibration-board';

const BOARD_CARDS = 500;

export interface RoomContent {
  documents: string[];
  /** How client `position` of room `room` signs in. */
  endpointFor(room: number, position: number): Endpoint;
  /** Writers apply the updates they receive, so their edits build on everyone's. */
  applyLive: boolean;
  /** A writer's next edit in its replica: true when its update carries `marker`. */
  editorFor(room: number, position: number, doc: Y.Doc): (marker: string) => boolean;
}

/** Runs `work` for each room, 20 rooms at a time. */
async function eachRoom(rooms: number, work: (room: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(20, rooms) }, async () => {
      while (next < rooms) await work(next++);
    }),
  );
}

async function goalTreeRooms(
  endpoint: Endpoint,
  database: BenchDatabase,
  rooms: number,
  writersPerRoom: number,
): Promise<RoomContent> {
  const documents = await database.newDocuments(rooms);
  const goals: string[][] = new Array(rooms);
  await eachRoom(rooms, async (room) => {
    const doc = new Y.Doc();
    const seeder = await new LightClient(endpoint, documents[room]!, { doc }).connect();
    const before = Y.encodeStateVector(doc);
    goals[room] = addBenchGoals(doc, writersPerRoom, database.personId);
    seeder.sendUpdate(Y.encodeStateAsUpdate(doc, before));
    await seeder.roundTrip();
    seeder.close();
  });
  return {
    documents,
    endpointFor: () => endpoint,
    applyLive: false,
    editorFor: (room, position, doc) => {
      const goalId = goals[room]![position]!;
      return (marker) => {
        typeInDescription(doc, goalId, `${marker} `);
        return true;
      };
    },
  };
}

async function agendaRooms(
  endpoint: Endpoint,
  database: BenchDatabase,
  rooms: number,
  clientsPerRoom: number,
): Promise<RoomContent> {
  if (clientsPerRoom !== 2) throw new Error('a 1:1 has two people');
  const started = performance.now();
  const series = await database.newSeries(rooms);
  const created = performance.now();
  const signIn = (member: { token: string; cookie: string }): Endpoint => ({
    ...endpoint,
    token: member.token,
    cookie: member.cookie,
  });
  await storeHistories(endpoint, database, series);
  const updates = series.reduce((sum, s) => sum + s.history.length, 0);
  console.log(
    `  1:1 agendas: ${rooms} series in ${((created - started) / 1000).toFixed(1)} s, their history (${updates} updates) stored in ${((performance.now() - created) / 1000).toFixed(1)} s`,
  );
  return {
    documents: series.map((s) => s.document),
    endpointFor: (room, position) => {
      const { manager, employee } = series[room]!;
      return signIn(position === 0 ? manager : employee);
    },
    applyLive: true,
    editorFor: (room, position, doc) => {
      const { manager, employee, meetingId } = series[room]!;
      const [me, other] = position === 0 ? [manager, employee] : [employee, manager];
      const editor = new AgendaEditor(doc, { personId: me.id, otherId: other.id, meetingId });
      return (marker) => editor.edit(marker);
    },
  };
}

/**
 * Gives every server the same agendas to start from, each in its own storage, as a server that
 * has run for months would have them: ours, the updates in its document log as the demo seed
 * writes them (each in its author's name, as the validator accepted them); Hocuspocus, the
 * merged state in its table; y-websocket's server, which keeps nothing, the merged state sent
 * by one connection (it checks nothing). Sending 25 updates per series through their authors'
 * connections, one round trip each, took minutes for 500 series on a loaded machine.
 */
async function storeHistories(endpoint: Endpoint, database: BenchDatabase, series: BenchSeries[]) {
  if (endpoint.protocol === 'ours') {
    const rows: DocumentLogRow[] = series.flatMap(({ document, history }) =>
      history.map(({ personId, update }) => ({
        organisationId: database.organisationId,
        documentName: document,
        personId,
        receivedAt: new Date(),
        update,
      })),
    );
    for (let i = 0; i < rows.length; i += 5_000) {
      await appendToDocumentLog(database.pool, rows.slice(i, i + 5_000));
    }
    return;
  }
  const merged = series.map(({ history }) => Y.mergeUpdates(history.map((h) => h.update)));
  if (endpoint.protocol === 'hocuspocus') {
    await database.pool.query(
      `INSERT INTO bench_hocuspocus_documents (name, data)
       SELECT * FROM unnest($1::text[], $2::bytea[])`,
      [series.map((s) => s.document), merged.map((update) => Buffer.from(update))],
    );
    return;
  }
  await eachRoom(series.length, async (room) => {
    const client = await new LightClient(endpoint, series[room]!.document).connect();
    client.sendUpdate(merged[room]!);
    await client.roundTrip();
    client.close();
  });
}

async function boardRooms(
  endpoint: Endpoint,
  database: BenchDatabase,
  rooms: number,
): Promise<RoomContent> {
  const ours = endpoint.protocol === 'ours';
  const boards = await newCalibrationBoards(
    database.pool,
    database.organisationId,
    database.personId,
    rooms,
    BOARD_CARDS,
    ours,
  );
  if (!ours) {
    await eachRoom(rooms, async (room) => {
      const seeder = await new LightClient(endpoint, boards.names[room]!, {
        doc: new Y.Doc(),
      }).connect();
      seeder.sendUpdate(boards.initial);
      await seeder.roundTrip();
      seeder.close();
    });
  }
  return {
    documents: boards.names,
    endpointFor: () => endpoint,
    applyLive: false,
    editorFor: (_room, _position, doc) => (marker) => {
      moveRandomCard(doc, boards.cardIds, database.personId, `Calibrated ${marker}`);
      return true;
    },
  };
}

/** Creates and seeds the rooms' documents. */
export function openRoomContent(
  kind: RoomContentKind,
  endpoint: Endpoint,
  database: BenchDatabase,
  shape: { rooms: number; clientsPerRoom: number; writersPerRoom: number },
): Promise<RoomContent> {
  switch (kind) {
    case 'agenda':
      return agendaRooms(endpoint, database, shape.rooms, shape.clientsPerRoom);
    case 'calibration-board':
      return boardRooms(endpoint, database, shape.rooms);
    case 'goal-tree':
      return goalTreeRooms(endpoint, database, shape.rooms, shape.writersPerRoom);
  }
}
