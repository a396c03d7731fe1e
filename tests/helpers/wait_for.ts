/** Polls `check` until it returns true or the deadline passes; tests never sleep blindly. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; what?: string | (() => string) } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (true) {
    if (await check()) return;
    if (Date.now() > deadline) {
      const what = typeof options.what === "function" ? options.what() : options.what;
      throw new Error(`timed out waiting for ${what ?? "condition"}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 25));
  }
}
