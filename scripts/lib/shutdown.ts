/**
 * Runs `cleanup` once on Ctrl-C, SIGTERM or a crash of a service, then exits. A second Ctrl-C while
 * cleaning up exits at once (the embedded database then stops through its own exit hook); a
 * service exiting while we already stop everything is expected and changes nothing.
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
  const onSignal = (signal: string) => {
    if (shuttingDown) process.exit(1);
    shutdown(signal === 'SIGINT' ? 'Ctrl-C' : signal, 0);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  return (reason) => {
    if (!shuttingDown) shutdown(reason, 1);
  };
}
