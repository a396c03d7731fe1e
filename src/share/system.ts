/**
 * What the machine says about users and groups, asked through `getent` (so NSS sources such
 * as LDAP count, not only /etc/passwd), and whether `setfacl` is there. Needs
 * --allow-run=getent (and setfacl, where it is installed).
 */
import type { Runtime } from "../contract/mod.ts";
import { findProgram } from "../exec/mod.ts";
import { failed } from "./errors.ts";
import type { ShareResult } from "./errors.ts";
import { parseGroup } from "./gate.ts";
import type { GroupEntry } from "./gate.ts";
import { isUserName, parsePasswd } from "./users.ts";
import type { PasswdEntry } from "./users.ts";

const GETENT_MISSING = failed(
  "cannot look up users: getent is not installed",
  "install it (Debian: libc-bin), then try again",
  "missing",
);

/** `getent passwd KEY` (a name or a uid): the entry, or undefined when there is none. */
export async function lookupUser(
  runtime: Runtime,
  env: Record<string, string>,
  key: string | number,
): Promise<ShareResult<PasswdEntry | undefined>> {
  const r = await runtime.run(["getent", "passwd", String(key)], { clearEnv: true, env });
  if (r.code === 127) return { ok: false, error: GETENT_MISSING };
  // getent exits 2 when the key is not found.
  const entry = r.code === 0 ? parsePasswd(r.stdout.split("\n")[0]) : undefined;
  return { ok: true, value: entry };
}

/** Each name that is a user name, looked up; the rest are left for decideGuests to refuse. */
export async function lookupUsers(
  runtime: Runtime,
  env: Record<string, string>,
  names: readonly string[],
): Promise<ShareResult<Map<string, PasswdEntry | undefined>>> {
  const found = new Map<string, PasswdEntry | undefined>();
  for (const name of new Set(names)) {
    if (!isUserName(name)) continue;
    const r = await lookupUser(runtime, env, name);
    if (!r.ok) return r;
    found.set(name, r.value);
  }
  return { ok: true, value: found };
}

/** Every group and every user: what chooseGate needs when setfacl is missing. */
export async function listAccounts(
  runtime: Runtime,
  env: Record<string, string>,
): Promise<ShareResult<{ groups: GroupEntry[]; users: PasswdEntry[] }>> {
  const groups = await runtime.run(["getent", "group"], { clearEnv: true, env });
  const users = await runtime.run(["getent", "passwd"], { clearEnv: true, env });
  if (groups.code === 127 || users.code === 127) return { ok: false, error: GETENT_MISSING };
  return {
    ok: true,
    value: {
      groups: groups.stdout.split("\n").map(parseGroup).filter((g) => g !== undefined),
      users: users.stdout.split("\n").map(parsePasswd).filter((u) => u !== undefined),
    },
  };
}

/** Whether setfacl is on rune's PATH (permission checked when it runs). */
export function hasSetfacl(): boolean {
  return findProgram("setfacl") !== undefined;
}
