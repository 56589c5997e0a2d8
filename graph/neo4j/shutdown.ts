// How a long-running command learns it is time to stop.

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * A repeat within this window is the same Ctrl-C arriving twice (the terminal signals the whole
 * process group, and npm and tsx relay), not a person insisting.
 */
const REPEAT_WINDOW_MS = 1_000;

/**
 * Resolves with the first SIGINT, SIGTERM or SIGHUP. Another one later, while the caller is still
 * shutting down, exits at once: the child JVM then stops by itself, its stdin pipe closed.
 */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let firstAt: number | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (firstAt === null) {
        firstAt = Date.now();
        resolve(signal);
      } else if (Date.now() - firstAt > REPEAT_WINDOW_MS) {
        process.exit(130);
      }
    };
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  });
}
