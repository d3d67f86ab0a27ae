/**
 * Runs `cleanup` once on Ctrl-C, SIGTERM or a crash of a service, then exits. A second Ctrl-C while
 * cleaning up exits at once (the embedded database then stops through its own exit hook).
 */
export function onShutdown(cleanup: (reason: string) => Promise<void>): (reason: string) => void {
  let shuttingDown = false;
  const shutdown = (reason: string, code = 0) => {
    if (shuttingDown) process.exit(1);
    shuttingDown = true;
    cleanup(reason)
      .catch((error: unknown) => {
        console.error('Error while stopping:', error);
        code = 1;
      })
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', () => shutdown('Ctrl-C'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  return (reason) => shutdown(reason, 1);
}
