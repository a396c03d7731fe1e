/**
 * Turns Deno's NotCapable error into one line that names the flag to add (exit 3), instead of
 * a stack trace. Pure.
 */

const KINDS: Record<string, string> = {
  read: "--allow-read",
  write: "--allow-write",
  env: "--allow-env",
  run: "--allow-run",
  sys: "--allow-sys",
  net: "--allow-net",
  ffi: "--allow-ffi",
  import: "--allow-import",
};

/** Deno: `Requires read access to "/x", run again with the --allow-read flag`. */
export function describePermissionError(message: string): string {
  const m = message.match(/Requires (\w+) access(?: to "?([^",]*)"?)?/);
  if (!m) return `rune: a Deno permission is missing: ${message.split("\n")[0]}`;
  const [, kind, target] = m;
  const flag = KINDS[kind] ?? `--allow-${kind}`;
  const value = target ? `${flag}=${target}` : flag;
  return [
    `rune: cannot continue: the ${kind} permission${
      target ? ` for "${target}"` : ""
    } is not granted`,
    `  hint: run with ${value}, or with rune's permission set: deno run -P (deno.json "permissions")`,
  ].join("\n");
}

export function isPermissionError(e: unknown): e is Error {
  return e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied &&
      /Requires .* access/.test(e.message);
}

/**
 * Throws Deno's NotCapable (which main turns into the one-line message, exit 3) unless every
 * descriptor is granted. Asking first is what keeps rune out of Deno's "Allow?" prompt when it
 * runs in a terminal without --no-prompt: a permission in the "prompt" state counts as missing.
 */
export function requireGranted(...descriptors: Deno.PermissionDescriptor[]): void {
  for (const d of descriptors) {
    if (Deno.permissions.querySync(d).state === "granted") continue;
    const target = "kind" in d && d.kind ? ` to "${d.kind}"` : "";
    throw new Deno.errors.NotCapable(`Requires ${d.name} access${target}`);
  }
}
