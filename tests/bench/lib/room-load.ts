// Rooms of people editing documents: the engine behind the agenda, workshop, calibration,
// fan-out and rate-sweep workloads. A room is a goal-tree document, where each writer types into
// the description of a goal of its own (one edit = a few characters carrying a marker), or a
// calibration board, where each writer moves cards (one edit = one move, its justification
// carrying the marker); each client may send presence. One timer drives every client, so thousands fit in one process.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { BenchDatabase } from './database.ts';
import { moveRandomCard, newCalibrationBoards } from './board-docs.ts';
import { addBenchGoals, typeInDescription } from './goal-docs.ts';
import { connectMany, LightClient, type Endpoint } from './light-client.ts';
import { formatMarker } from './markers.ts';
import type { ServerProcess } from './server-process.ts';
import { EditTracker, monotonicMs } from './tracker.ts';

export interface RoomShape {
  rooms: number;
  clientsPerRoom: number;
  /** Writers among each room's clients (the rest only read). */
  writersPerRoom: number;
  /** Edits per second per writer, steady. */
  editsPerSecond: number;
  /** Now and then (about every 30 s) a writer bursts at 10 edits/s for a second. */
  bursts: boolean;
  /** Each client sends its presence (cursor) once a second. */
  presence: boolean;
  /** Rooms are calibration boards of this many cards, and each edit moves a card (with its
   *  justification) instead of typing in a goal's description. */
  board?: { cards: number };
}

interface Writer {
  index: number;
  client: LightClient;
  doc: Y.Doc;
  goalId: string;
  room: number;
  nextEditAt: number;
  burstUntil: number;
  /** Edits not yet durable: the writer's clock after each, and its sequence number. */
  pending: { clock: number; seq: number }[];
}

interface Member {
  index: number;
  client: LightClient;
  nextPresenceAt: number;
  presenceClock: number;
  clientId: number;
}

const BURST_INTERVAL_MS = 100;
const BURST_CHANCE_PER_SECOND = 1 / 30;
const TICK_MS = 5;

/** Seeds each room's board with its cards, for servers that do not build boards (not ours). */
async function seedBoards(endpoint: Endpoint, documents: string[], initial: Uint8Array) {
  for (const name of documents) {
    const seeder = await new LightClient(endpoint, name, { doc: new Y.Doc() }).connect();
    seeder.sendUpdate(initial);
    await seeder.roundTrip();
    seeder.close();
  }
}

/** Seeds each room's document with one goal per writer; returns the goal ids per room. */
async function seedRooms(
  endpoint: Endpoint,
  documents: string[],
  writersPerRoom: number,
  personId: string,
): Promise<string[][]> {
  const goals: string[][] = new Array(documents.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(20, documents.length) }, async () => {
      while (next < documents.length) {
        const room = next++;
        const doc = new Y.Doc();
        const seeder = await new LightClient(endpoint, documents[room]!, { doc }).connect();
        const before = Y.encodeStateVector(doc);
        goals[room] = addBenchGoals(doc, writersPerRoom, personId);
        seeder.sendUpdate(Y.encodeStateAsUpdate(doc, before));
        await seeder.roundTrip();
        seeder.close();
      }
    }),
  );
  return goals;
}

export class RoomLoad {
  readonly tracker = new EditTracker();
  readonly shape: RoomShape;
  readonly documents: string[];
  /** The cards of every board (calibration rooms), and who moves them. */
  #cards: string[] = [];
  #personId = '';
  readonly #writers: Writer[] = [];
  readonly #members: Member[] = [];
  #writersByDocument = new Map<string, Writer[]>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #rate: number;
  readonly generatorDelay = monitorEventLoopDelay({ resolution: 10 });
  #unsubscribe: (() => void) | undefined;

  private constructor(shape: RoomShape, documents: string[]) {
    this.shape = shape;
    this.documents = documents;
    this.#rate = shape.editsPerSecond;
  }

  /** Creates the rooms' documents, seeds them, and connects every client (synced). */
  static async open(
    endpoint: Endpoint,
    database: BenchDatabase,
    shape: RoomShape,
    server: ServerProcess,
  ): Promise<RoomLoad> {
    let documents: string[];
    let goals: string[][];
    let cards: string[] = [];
    if (shape.board) {
      const ours = endpoint.protocol === 'ours';
      const boards = await newCalibrationBoards(
        database.pool,
        database.organisationId,
        database.personId,
        shape.rooms,
        shape.board.cards,
        ours,
      );
      documents = boards.names;
      cards = boards.cardIds;
      if (!ours) await seedBoards(endpoint, documents, boards.initial);
      goals = documents.map(() => []);
    } else {
      documents = await database.newDocuments(shape.rooms);
      goals = await seedRooms(endpoint, documents, shape.writersPerRoom, database.personId);
    }
    const load = new RoomLoad(shape, documents);
    load.#cards = cards;
    load.#personId = database.personId;
    const total = shape.rooms * shape.clientsPerRoom;
    const now = monotonicMs();
    await connectMany(total, (index) => {
      const room = Math.floor(index / shape.clientsPerRoom);
      const position = index % shape.clientsPerRoom;
      const isWriter = position < shape.writersPerRoom;
      const doc = isWriter ? new Y.Doc() : undefined;
      let writer: Writer | undefined;
      const client = new LightClient(endpoint, documents[room]!, {
        doc,
        onUpdate: (frame) => load.tracker.receive(index, frame),
        onAck: isWriter
          ? (vector) => load.#durable(writer!, vector, monotonicMs(), true)
          : undefined,
      });
      if (isWriter) {
        writer = {
          index,
          client,
          doc: doc!,
          goalId: goals[room]![position] ?? '',
          room,
          nextEditAt: now + Math.random() * 1000,
          burstUntil: 0,
          pending: [],
        };
        load.#writers.push(writer);
        const list = load.#writersByDocument.get(documents[room]!) ?? [];
        list.push(writer);
        load.#writersByDocument.set(documents[room]!, list);
      }
      load.#members.push({
        index,
        client,
        nextPresenceAt: now + Math.random() * 1000,
        presenceClock: 0,
        clientId: doc?.clientID ?? Math.floor(Math.random() * 2 ** 31),
      });
      return client;
    });
    // Hocuspocus reports each store with the state vector it covered.
    load.#unsubscribe = server.onMessage((message) => {
      const stored = (
        message as { stored?: { document: string; stateVector: string; at: string }[] }
      ).stored;
      for (const report of stored ?? []) {
        const vector = Y.decodeStateVector(Buffer.from(report.stateVector, 'base64'));
        const at = Number(BigInt(report.at)) / 1e6;
        for (const writer of load.#writersByDocument.get(report.document) ?? []) {
          load.#durable(writer, vector, at, false);
        }
      }
    });
    return load;
  }

  get clientCount(): number {
    return this.#members.length;
  }

  /** Receivers of each edit (everyone in the room but its writer). */
  get receiversPerEdit(): number {
    return this.shape.clientsPerRoom - 1;
  }

  /** Edits per second per writer from now on. */
  setRate(editsPerSecond: number) {
    this.#rate = editsPerSecond;
  }

  start() {
    this.generatorDelay.enable();
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
  }

  stop() {
    clearInterval(this.#timer);
    this.generatorDelay.disable();
  }

  get refusals(): number {
    return this.#members.reduce((sum, member) => sum + member.client.refusals, 0);
  }

  get closedClients(): number {
    return this.#members.filter((member) => !member.client.isOpen).length;
  }

  async close() {
    this.stop();
    this.#unsubscribe?.();
    for (const member of this.#members) member.client.terminate();
    await Promise.all(this.#members.map((member) => member.client.closed));
  }

  #tick() {
    const now = monotonicMs();
    for (const writer of this.#writers) {
      if (now < writer.nextEditAt || this.#rate <= 0) continue;
      this.#edit(writer);
      const bursting = now < writer.burstUntil;
      if (!bursting && this.shape.bursts && Math.random() < BURST_CHANCE_PER_SECOND / this.#rate) {
        writer.burstUntil = now + 1000;
      }
      const interval =
        now < writer.burstUntil
          ? BURST_INTERVAL_MS
          : (1000 / this.#rate) * (0.8 + Math.random() * 0.4);
      writer.nextEditAt = Math.max(writer.nextEditAt + interval, now - 100);
    }
    if (!this.shape.presence) return;
    for (const member of this.#members) {
      if (now < member.nextPresenceAt) continue;
      member.nextPresenceAt += 1000;
      member.client.sendAwareness(presenceUpdate(member));
    }
  }

  #edit(writer: Writer) {
    const seq = this.tracker.reserve(writer.index);
    let update: Uint8Array | undefined;
    const capture = (u: Uint8Array) => (update = u);
    writer.doc.on('update', capture);
    if (this.shape.board) {
      moveRandomCard(writer.doc, this.#cards, this.#personId, `Calibrated ${formatMarker(seq)}`);
    } else {
      typeInDescription(writer.doc, writer.goalId, `${formatMarker(seq)} `);
    }
    writer.doc.off('update', capture);
    const clock = Y.getState(writer.doc.store, writer.doc.clientID);
    writer.pending.push({ clock, seq });
    this.tracker.sent(seq);
    writer.client.sendUpdate(update!, () => this.tracker.confirm(seq));
  }

  /** Edits covered by a durable state vector: from an ack the writer received (which is also
   *  what tells it the edit is saved), or from a store the server reported. */
  #durable(writer: Writer, vector: Map<number, number>, at: number, toldWriter: boolean) {
    const covered = vector.get(writer.doc.clientID) ?? 0;
    let done = 0;
    while (done < writer.pending.length && writer.pending[done]!.clock <= covered) {
      const { seq } = writer.pending[done]!;
      this.tracker.durable(seq, at);
      if (toldWriter) this.tracker.confirm(seq);
      done++;
    }
    if (done > 0) writer.pending.splice(0, done);
  }
}

/** A y-protocols awareness update for one client: its cursor moved. */
function presenceUpdate(member: Member): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, member.clientId);
  encoding.writeVarUint(encoder, ++member.presenceClock);
  encoding.writeVarString(
    encoder,
    JSON.stringify({
      user: { name: `Person ${member.index}`, color: '#3366cc' },
      cursor: { field: 'description', index: member.presenceClock % 200 },
    }),
  );
  return encoding.toUint8Array(encoder);
}
