// Waiting on a process that is not ours to time (a JVM dying, a supervisor restarting it): a
// bound that fails loudly, naming what never came, rather than a test's timeout saying nothing.

/** Polls `check` until it returns a value, or fails after `boundMs` naming what it waited for. */
export async function within<T>(
  boundMs: number,
  what: string,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${boundMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
