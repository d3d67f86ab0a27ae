// One server under test in a child process of its own, pinned to its own core with `taskset`,
// with the probe preloaded (event-loop delay, memory). Its CPU time is read from /proc, so
// the figure covers everything the process did (JS, GC, syscalls), whichever server it is.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { getPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ProbeRequest } from '../servers/probe.ts';

const PROBE = fileURLToPath(new URL('../servers/probe.ts', import.meta.url));
/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux everywhere). */
const CLOCK_TICKS = 100;

export interface LaunchSpec {
  /** The script to run (a server entry point). */
  entry: string;
  env: Record<string, string>;
  port: number;
  /** The core to pin the server to. */
  core: number;
  /** Write a V8 CPU profile into this folder when the process exits. */
  cpuProfileDir?: string;
}

export interface ProbeReply {
  /** Set when the probe could not do what it was asked (the reply still comes). */
  error?: string;
  eventLoopDelay: { p50: number; p99: number; max: number };
  memory: NodeJS.MemoryUsage;
}

export class ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  #output = '';
  #nextId = 1;
  #waiting = new Map<number, (reply: ProbeReply) => void>();
  readonly exited: Promise<number | null>;
  readonly #listeners = new Set<(message: unknown) => void>();

  private constructor(child: ChildProcess, port: number) {
    this.child = child;
    this.port = port;
    const keep = (chunk: Buffer) => {
      this.#output = (this.#output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    // BENCH_SERVER_LOG=<file>: every server's whole output, appended, for finding out why a run
    // went wrong (the report keeps only the last 20 KB of a server that failed).
    if (process.env.BENCH_SERVER_LOG) {
      const file = createWriteStream(process.env.BENCH_SERVER_LOG, { flags: 'a' });
      child.stdout?.pipe(file, { end: false });
      child.stderr?.pipe(file, { end: false });
    }
    child.on('message', (message: { id?: number; probe?: string }) => {
      if (message.probe && message.id) {
        this.#waiting.get(message.id)?.(message as unknown as ProbeReply);
        this.#waiting.delete(message.id);
      } else for (const listener of this.#listeners) listener(message);
    });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async launch(spec: LaunchSpec): Promise<ServerProcess> {
    const node = [
      process.execPath,
      '--expose-gc',
      // BENCH_SERVER_FLAGS: more of Node's own flags for every server (`--trace-gc`, which
      // NODE_OPTIONS refuses), for finding out where a server's time goes.
      ...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      PROBE,
      ...(spec.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', spec.cpuProfileDir] : []),
      spec.entry,
    ];
    // Back at the default priority whatever the generator's (GENERATOR_NICE): `nice` adds its
    // increment to the priority it inherits, and so do the threads the server starts.
    const increment = -getPriority();
    const child = spawn(
      'nice',
      ['-n', String(increment), 'taskset', '-c', String(spec.core), ...node],
      {
        env: { ...process.env, ...spec.env },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    const server = new ServerProcess(child, spec.port);
    await server.#waitForPort();
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** What the process printed lately (for errors). */
  get output(): string {
    return this.#output;
  }

  /** User + system CPU time the process has used, in milliseconds. */
  cpuMs(): number {
    const { user, system } = this.cpuTimesMs();
    return user + system;
  }

  /** CPU time the process has used, in milliseconds: in its own code (user) and in the kernel on
   *  its behalf (system: the sends, receives and waits of every socket). */
  cpuTimesMs(): { user: number; system: number } {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (ticks: string | undefined) => (Number(ticks) / CLOCK_TICKS) * 1000;
    return { user: ms(fields[11]), system: ms(fields[12]) };
  }

  /** Time the process's main thread has spent runnable but waiting for a CPU, in ms: when it
   *  grows, something else on the machine was using the server's core. */
  waitingMs(): number {
    return runqueueWaitMs(this.pid);
  }

  /** Resident set size now, in bytes (from /proc, no IPC). */
  rssBytes(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return Number(kb ?? NaN) * 1024;
  }

  probe(kind: 'reset' | 'stats' | 'gc' | 'profile-start'): Promise<ProbeReply>;
  probe(kind: 'profile-stop', extra: { path: string }): Promise<ProbeReply>;
  probe(kind: ProbeRequest['probe'], extra: { path?: string } = {}): Promise<ProbeReply> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`probe ${kind} timed out`)), 30_000);
      this.#waiting.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error) reject(new Error(`probe ${kind}: ${reply.error}`));
        else resolve(reply);
      });
      this.child.send({ probe: kind, id, ...extra });
    });
  }

  /** Runs `work` with the server's CPU profiled, written to `path` (a .cpuprofile file). A
   *  profile that cannot be written is reported, not allowed to hide the work's own failure. */
  async profiled<T>(path: string, work: () => Promise<T>): Promise<T> {
    await this.probe('profile-start');
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await this.probe('profile-stop', { path }).catch((stop: unknown) =>
        console.error(`profile not written: ${String(stop)}`),
      );
      throw error;
    }
    await this.probe('profile-stop', { path });
    return result;
  }

  /** Messages the server sends on its own (Hocuspocus's store reports). */
  onMessage(listener: (message: unknown) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** kill -9: no shutdown, nothing flushed. */
  async crash() {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM), killed if it takes longer than `timeoutMs`. */
  async stop(timeoutMs = 15_000) {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  async #waitForPort() {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) break;
      if (await canConnect(this.port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.child.kill('SIGKILL');
    throw new Error(`server did not start on port ${this.port}:\n${this.#output}`);
  }
}

/** Run-queue wait of a process's main thread so far (/proc/<pid>/schedstat, second field). */
export function runqueueWaitMs(pid: number | 'self'): number {
  try {
    const fields = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ');
    return Number(fields[1]) / 1e6;
  } catch {
    return NaN;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
