// Preloaded (`node --import`) into every server under test, so all of them are measured the same
// way from inside their own process: event-loop delay, memory after a forced GC, and a CPU
// profile of just the window a workload runs in (`pnpm bench --profile`; a profile of the whole
// process would be mostly connecting and loading). The harness asks over the IPC channel; nothing
// here runs unless asked, apart from the delay histogram.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export type ProbeRequest =
  | { probe: 'reset' | 'stats' | 'gc' | 'profile-start'; id: number }
  | { probe: 'profile-stop'; id: number; path: string };

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();

const ms = (nanoseconds: number) => nanoseconds / 1e6;

let profiler: Session | undefined;

async function startProfile() {
  await stopProfile(); // one that was never stopped (its workload failed) is dropped
  profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}

/** Stops the running profile and writes it to `path` (or drops it, without one). */
async function stopProfile(path?: string) {
  const session = profiler;
  profiler = undefined;
  if (!session) return;
  try {
    const { profile } = await session.post('Profiler.stop');
    if (path) await writeFile(path, JSON.stringify(profile));
  } finally {
    session.disconnect();
  }
}

async function handle(request: ProbeRequest) {
  if (request.probe === 'profile-start') await startProfile();
  if (request.probe === 'profile-stop') await stopProfile(request.path);
  if (request.probe === 'reset') delay.reset();
  if (request.probe === 'gc') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
  }
}

if (process.send) {
  process.on('message', async (request: ProbeRequest) => {
    if (typeof request !== 'object' || request === null || !('probe' in request)) return;
    // Every request gets exactly one reply, an error included: a rejection here would end the
    // server under test, and the harness would wait for a reply that never comes.
    let error: string | undefined;
    try {
      await handle(request);
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    process.send!({
      probe: request.probe,
      id: request.id,
      error,
      eventLoopDelay: {
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
      },
      memory: process.memoryUsage(),
    });
  });
  // The channel must not keep a server alive after it is told to stop, and a server whose harness
  // died (the channel closed) must not linger.
  process.channel?.unref();
  process.on('disconnect', () => process.exit(1));
}
