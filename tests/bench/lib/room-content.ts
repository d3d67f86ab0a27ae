// What the rooms of a room workload hold, who signs in to them, and how their writers edit:
//   goal tree  one goal-tree document per room (a cycle), everyone signed in as the benchmark's
//              admin, each writer typing into the description of a goal of its own;
//   1:1 agenda one real series per room (`one-on-one/<seriesId>`, its row in Postgres), its two
//              members signed in as themselves, the agenda's demo history sent first through
//              each author's own connection, then both editing today's meeting (agenda-docs.ts)
//              with what the other did applied to their replica, as a provider would.
import * as Y from 'yjs';
import { AgendaEditor } from './agenda-docs.ts';
import type { BenchDatabase } from './database.ts';
import { addBenchGoals, typeInDescription } from './goal-docs.ts';
import { LightClient, type Endpoint } from './light-client.ts';

export type RoomContentKind = 'goal-tree' | 'agenda';

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
  const series = await database.newSeries(rooms);
  const signIn = (member: { token: string; cookie: string }): Endpoint => ({
    ...endpoint,
    token: member.token,
    cookie: member.cookie,
  });
  await eachRoom(rooms, async (room) => {
    const { document, manager, employee, history } = series[room]!;
    const clients = new Map(
      await Promise.all(
        [manager, employee].map(
          async (member) =>
            [member.id, await new LightClient(signIn(member), document).connect()] as const,
        ),
      ),
    );
    // In order, each after the last is applied: an entry may build on the other's.
    for (const entry of history) {
      const client = clients.get(entry.personId)!;
      client.sendUpdate(entry.update);
      await client.roundTrip();
    }
    for (const client of clients.values()) {
      if (client.refusals > 0) throw new Error(`${document}: the server refused its history`);
      client.close();
    }
  });
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

/** Creates and seeds the rooms' documents. */
export function openRoomContent(
  kind: RoomContentKind,
  endpoint: Endpoint,
  database: BenchDatabase,
  shape: { rooms: number; clientsPerRoom: number; writersPerRoom: number },
): Promise<RoomContent> {
  return kind === 'agenda'
    ? agendaRooms(endpoint, database, shape.rooms, shape.clientsPerRoom)
    : goalTreeRooms(endpoint, database, shape.rooms, shape.writersPerRoom);
}
