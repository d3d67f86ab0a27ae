// The product's shapes of collaboration, each a set of rooms editing at once: 1:1 agendas (two
// people, a real series each: room-content.ts), goal workshops (five), calibration sessions
// (forty people moving cards on a 500-card board); and fan-out, one writer and hundreds of readers. Every editor types about once a second with occasional bursts of ten a
// second, and moves its cursor (presence) once a second.
import type { BenchContext } from '../lib/context.ts';
import { timedRuns, type TimedResult } from '../lib/measure.ts';
import { RoomLoad, type RoomShape } from '../lib/room-load.ts';

export interface RoomWorkload {
  id: 'agenda' | 'workshop' | 'calibration' | 'fanout';
  label: string;
  shape(quick: boolean): RoomShape;
}

const editors = { editsPerSecond: 1, bursts: true, presence: true };

export const ROOM_WORKLOADS: readonly RoomWorkload[] = [
  {
    id: 'agenda',
    label: '1:1 agendas',
    shape: (quick) => ({
      rooms: quick ? 50 : 500,
      clientsPerRoom: 2,
      writersPerRoom: 2,
      ...editors,
      content: 'agenda',
    }),
  },
  {
    id: 'workshop',
    label: 'goal workshops',
    shape: (quick) => ({
      rooms: quick ? 20 : 50,
      clientsPerRoom: 5,
      writersPerRoom: 5,
      ...editors,
    }),
  },
  {
    id: 'calibration',
    label: 'calibration sessions',
    // Real 500-card boards, each move judged by the board's validator (CAL17, CAL18).
    shape: (quick) => ({
      rooms: quick ? 2 : 5,
      clientsPerRoom: 40,
      writersPerRoom: 40,
      ...editors,
      content: 'calibration-board',
    }),
  },
  {
    id: 'fanout',
    label: 'fan-out',
    shape: (quick) => ({
      rooms: 1,
      clientsPerRoom: (quick ? 200 : 500) + 1,
      writersPerRoom: 1,
      editsPerSecond: 10,
      bursts: false,
      presence: false,
    }),
  },
];

export interface RoomResult extends TimedResult {
  workload: RoomWorkload['id'];
  clients: number;
  receiversPerEdit: number;
  refusals: number;
  closedClients: number;
  /** The closed clients by close code. */
  closeCodes?: Record<string, number>;
}

export async function runRoomWorkload(
  context: BenchContext,
  workload: RoomWorkload,
): Promise<RoomResult> {
  const shape = workload.shape(context.scale.quick);
  const load = await RoomLoad.open(context.endpoint, context.database, shape, context.process);
  try {
    load.start();
    const result = await context.profiled(workload.id, () =>
      timedRuns(
        load,
        context.process,
        context.server.persistent ? context.database : undefined,
        context.scale,
      ),
    );
    return {
      ...result,
      workload: workload.id,
      clients: load.clientCount,
      receiversPerEdit: load.receiversPerEdit,
      refusals: load.refusals,
      closedClients: load.closedClients,
      closeCodes: load.closeCodes,
    };
  } finally {
    await load.close();
  }
}
