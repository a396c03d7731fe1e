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
