/**
 * Which untrusted `.rune.yaml` contents rune has already told the user about, so a new or
 * changed file is reported once, not on every `cd` and every command. State that can be
 * rebuilt: `$XDG_STATE_HOME/rune/untrusted_reported.json` (path → SHA-256 last reported), 0600,
 * written atomically. A damaged or unwritable record only means the notice comes again.
 */
import { writeFileAtomic } from "./atomic_file.ts";

const NOTICE_FILE = "untrusted_reported.json";
/** Enough for every project a person visits; the oldest are forgotten first. */
const KEEP = 500;

/** True the first time `path` with `sha256` is seen (and records it); false after that. */
export function firstNotice(stateDir: string, path: string, sha256: string): boolean {
  const file = `${stateDir}/${NOTICE_FILE}`;
  let seen: Record<string, string> = {};
  try {
    const data = JSON.parse(Deno.readTextFileSync(file));
    if (data && typeof data === "object" && !Array.isArray(data)) seen = data;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
  }
  if (seen[path] === sha256) return false;
  delete seen[path];
  seen[path] = sha256;
  const kept = Object.entries(seen).slice(-KEEP);
  try {
    Deno.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
  }
  writeFileAtomic(file, [`${JSON.stringify(Object.fromEntries(kept))}\n`]);
  return true;
}
