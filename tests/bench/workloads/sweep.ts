// The update rate at which delivery p99 crosses 50 ms: workshop-shaped rooms (five writers each,
// no presence) whose writers type faster and faster. One run per step (a threshold, not a
// median); the sweep stops at the first step over 50 ms, or when the generator saturates (then
// the server's limit is above what one generator core can offer, and the figure says so).
import type { BenchContext } from '../lib/context.ts';
import { measureRun } from '../lib/measure.ts';
import { RoomLoad } from '../lib/room-load.ts';
import { discardReason, isSaturated } from '../lib/saturation.ts';

export const P99_LIMIT_MS = 50;

export interface SweepStep {
  editsPerSecond: number;
  deliveryP99: number;
  serverCpuShare: number;
  generatorShare: number;
  serverWaitShare: number;
}

export interface SweepResult {
  steps: SweepStep[];
  /** Highest measured rate (edits/s into the server) whose delivery p99 stayed ≤ 50 ms. */
  maxRateWithinLimit: number;
  /** Why the sweep ended: p99 crossed 50 ms, the generator saturated, or the last step passed. */
  ended: 'crossed' | 'generator-saturated' | 'last-step';
}

export async function runSweep(context: BenchContext): Promise<SweepResult> {
  const { quick } = context.scale;
  const rates = quick ? [8, 32] : [1, 2, 4, 8, 12, 16, 24, 32, 48, 64];
  const load = await RoomLoad.open(
    context.endpoint,
    context.database,
    {
      rooms: quick ? 20 : 50,
      clientsPerRoom: 5,
      writersPerRoom: 5,
      editsPerSecond: rates[0]!,
      bursts: false,
      presence: false,
    },
    context.process,
  );
  const steps: SweepStep[] = [];
  let maxRateWithinLimit = 0;
  let ended: SweepResult['ended'] = 'last-step';
  try {
    load.start();
    for (const rate of rates) {
      load.setRate(rate);
      await new Promise((resolve) => setTimeout(resolve, quick ? 500 : 1000));
      // A step disturbed by other processes is measured again (twice at most).
      const measure = () =>
        measureRun(load, context.process, undefined, quick ? 1200 : 4000, quick ? 250 : 500);
      let run = await measure();
      for (let retry = 0; retry < 2 && discardReason(run) === 'disturbed'; retry++) {
        run = await measure();
      }
      const { result, generatorShare } = run;
      steps.push({
        editsPerSecond: result.editsPerSecond,
        deliveryP99: result.deliveryP99,
        serverCpuShare: result.serverCpuShare,
        generatorShare,
        serverWaitShare: result.serverWaitShare,
      });
      context.log(
        `  sweep ${rate}/s per writer: ${result.editsPerSecond.toFixed(0)} edits/s, ` +
          `p99 ${result.deliveryP99.toFixed(1)} ms, server ${(result.serverCpuShare * 100).toFixed(0)}%, ` +
          `generator ${(generatorShare * 100).toFixed(0)}%, server waited for its core ` +
          `${(result.serverWaitShare * 100).toFixed(0)}% of the time`,
      );
      if (isSaturated(generatorShare)) {
        ended = 'generator-saturated';
        break;
      }
      if (!(result.deliveryP99 <= P99_LIMIT_MS)) {
        ended = 'crossed';
        break;
      }
      maxRateWithinLimit = result.editsPerSecond;
    }
  } finally {
    await load.close();
  }
  return { steps, maxRateWithinLimit, ended };
}
