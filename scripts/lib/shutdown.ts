const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
// One Ctrl-C arrives more than once: the terminal signals the whole foreground process group,
// pnpm included, and pnpm passes its SIGINT on to the script (and a SIGTERM on a second one).
// Signals this soon after the first are that same Ctrl-C.
const SAME_CTRL_C_MS = 2_000;

/**
 * Runs `cleanup` once on Ctrl-C, SIGTERM, SIGHUP or a crash of a service, then exits: 0 after a
 * signal, 1 after a crash or a failed cleanup. A signal while cleaning up, once the first one's
 * echoes are past, exits at once (with 1); a service exiting while we already stop everything is
 * expected and changes nothing.
 *
 * Listeners of these signals registered before (none should be: the embedded engine registers
 * none) are removed: the order of the shutdown is the launcher's to decide.
 */
export function onShutdown(cleanup: (reason: string) => Promise<void>): (reason: string) => void {
  let startedAt: number | undefined;
  const shutdown = (reason: string, code: number) => {
    startedAt = Date.now();
    cleanup(reason)
      .catch((error: unknown) => {
        console.error('Error while stopping:', error);
        code = 1;
      })
      .finally(() => process.exit(code));
  };
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (startedAt === undefined) return shutdown(signal === 'SIGINT' ? 'Ctrl-C' : signal, 0);
      if (Date.now() - startedAt < SAME_CTRL_C_MS) return;
      console.error('Stopping now, without waiting for the servers to finish.');
      process.exit(1);
    });
  }
  return (reason) => {
    if (startedAt === undefined) shutdown(reason, 1);
  };
}
