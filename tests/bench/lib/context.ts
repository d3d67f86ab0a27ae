// What every workload gets: the server under test (already running), how to reach it, the
// database, and the run's scale.
import type { BenchDatabase } from './database.ts';
import type { Endpoint } from './light-client.ts';
import type { ServerProcess } from './server-process.ts';
import type { ServerUnderTest } from './servers.ts';

export interface Scale {
  quick: boolean;
  warmupMs: number;
  runMs: number;
  /** Clean runs wanted, and the most attempts made to get them. */
  runs: number;
  maxRuns: number;
  /** After a run, how long its last deliveries may take to arrive. */
  graceMs: number;
  /** After the last run, how long a server may take to save what the runs sent. */
  settleMs: number;
}

export interface BenchContext {
  server: ServerUnderTest;
  process: ServerProcess;
  endpoint: Endpoint;
  database: BenchDatabase;
  scale: Scale;
  log: (line: string) => void;
  /** Runs `work`, the part of workload `name` worth profiling; with `--profile`, the server's
   *  CPU profile of it is written to tests/bench/profiles/. */
  profiled<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Replaces the running server process (after a crash test); returns the new one. */
  restart(): Promise<ServerProcess>;
}
