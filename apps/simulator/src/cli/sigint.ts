/**
 * Ctrl-C stops cleanly: the first SIGINT aborts the signal (in-flight posts finish, sockets close,
 * a summary is printed); a second one exits at once.
 */
export function stopOnSigint(log: (line: string) => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const second = () => {
    log('second Ctrl-C: exiting now');
    process.exit(130);
  };
  const first = () => {
    log('Ctrl-C: stopping (Ctrl-C again to exit at once)');
    controller.abort();
    process.once('SIGINT', second);
  };
  process.once('SIGINT', first);
  process.once('SIGTERM', first);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', first);
      process.off('SIGTERM', first);
      process.off('SIGINT', second);
    },
  };
}
