// The shape of one benchmark run's results, as saved to results/<timestamp>.json and rendered
// by report.ts.
import type { Scale } from './context.ts';
import type { ServerId } from './servers.ts';
import type { ConvergenceResult } from '../workloads/convergence.ts';
import type { CrashResult } from '../workloads/crash.ts';
import type { JoinStormResult } from '../workloads/join-storm.ts';
import type { MemoryResult } from '../workloads/memory.ts';
import type { RoomResult, RoomWorkload } from '../workloads/rooms.ts';
import type { SweepResult } from '../workloads/sweep.ts';

export interface ServerResults {
  server: ServerId;
  label: string;
  rooms: Partial<Record<RoomWorkload['id'], RoomResult>>;
  sweep?: SweepResult;
  joinStorm?: JoinStormResult;
  crash?: CrashResult;
  memory?: MemoryResult;
  convergence?: ConvergenceResult;
  /** Workloads that failed, with the error. */
  errors: string[];
}

export interface BenchResults {
  startedAt: string;
  mode: 'quick' | 'full';
  durationSeconds: number;
  machine: { cpus: number; model: string; node: string; loadAverage: number[] };
  database: 'embedded' | 'server';
  scale: Scale;
  servers: ServerResults[];
}
