// Rooms of people editing one document each: the engine behind the agenda, workshop, calibration,
// fan-out and rate-sweep workloads. What a room holds and how its writers edit it is the room
// content's (room-content.ts): goal trees, where each writer types into the description of a goal
// of its own, or real 1:1 agendas, where both members edit today's meeting. An edit that writes
// text carries a marker; each client may send presence. One timer drives every client, so
// thousands fit in one process.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { BenchDatabase } from './database.ts';
import { connectMany, LightClient, type Endpoint } from './light-client.ts';
import { formatMarker } from './markers.ts';
import type { ServerProcess } from './server-process.ts';
import { EditTracker, monotonicMs } from './tracker.ts';
import { openRoomContent, type RoomContentKind } from './room-content.ts';

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
  /** What each room holds: a goal tree unless said otherwise. */
  content?: RoomContentKind;
}

interface Writer {
  index: number;
  client: LightClient;
  doc: Y.Doc;
  /** Makes the writer's next edit; true when its update carries the marker. */
  edit: (marker: string) => boolean;
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

export class RoomLoad {
  readonly tracker = new EditTracker();
  readonly shape: RoomShape;
  readonly documents: string[];
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
    const content = await openRoomContent(shape.content ?? 'goal-tree', endpoint, database, shape);
    const { documents } = content;
    const load = new RoomLoad(shape, documents);
    const total = shape.rooms * shape.clientsPerRoom;
    const now = monotonicMs();
    await connectMany(total, (index) => {
      const room = Math.floor(index / shape.clientsPerRoom);
      const position = index % shape.clientsPerRoom;
      const isWriter = position < shape.writersPerRoom;
      const doc = isWriter ? new Y.Doc() : undefined;
      let writer: Writer | undefined;
      const client = new LightClient(content.endpointFor(room, position), documents[room]!, {
        doc,
        applyLive: content.applyLive,
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
          edit: content.editorFor(room, position, doc!),
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

  /** How many clients the server closed, by close code (e.g. 4429: too many messages). */
  get closeCodes(): Record<string, number> {
    const codes: Record<string, number> = {};
    for (const { client } of this.#members) {
      if (client.isOpen) continue;
      const code = String(client.closeCode ?? 'unknown');
      codes[code] = (codes[code] ?? 0) + 1;
    }
    return codes;
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
    const marked = writer.edit(formatMarker(seq));
    writer.doc.off('update', capture);
    if (!marked) this.tracker.unmarked(seq);
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
