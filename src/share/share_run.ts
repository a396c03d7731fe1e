/**
 * `rune session share NAME --user U… [--write]`, step by step:
 *
 * 1. the owner and each guest from `getent passwd` (names checked first: users.ts);
 * 2. the gate: ACLs where setfacl exists, else a group that holds exactly the guests, else a
 *    refusal with the fix (gate.ts);
 * 3. the owner's share base checked (fs_checks.ts), dead shares pruned;
 * 4. a new share: DIR 0700, its tmux.conf, the running session's layout read (layout.ts) and
 *    rebuilt on a server of its own (server.ts), the group given to DIR and socket when that
 *    is the gate, share.json written; an existing share is reused;
 * 5. `server-access -a -r U` (`-w` with --write; `-r`/`-w` alone for a user already listed);
 * 6. `setfacl -m u:U:--x DIR` and `setfacl -m u:U:rw- DIR/sock`;
 * 7. share.json, the status mark, one audit line per grant.
 *
 * A failure while making a new share kills its server and removes DIR: nothing half-made
 * stays reachable.
 */
import { carriedEnv, currentRuneArgv } from "../tmux/mod.ts";
import type { Access } from "./access.ts";
import type { ShareContext } from "./context.ts";
import { failed } from "./errors.ts";
import type { ShareResult } from "./errors.ts";
import { recordShareEvents, shareEntry } from "./events.ts";
import { ensureBase } from "./fs_checks.ts";
import { chooseGate } from "./gate.ts";
import type { Gate, GroupEntry } from "./gate.ts";
import { readSessionLayout } from "./layout.ts";
import type { ReadLayout } from "./layout.ts";
import { sharePaths } from "./paths.ts";
import type { SharePaths } from "./paths.ts";
import { readRecord, writeRecord } from "./record.ts";
import { grant } from "./grant.ts";
import type { ShareRecord } from "./record.ts";
import { buildShareServer, killShareServer, shareConf, shareLiveness } from "./server.ts";
import { pruneShares } from "./status.ts";
import { hasSetfacl, listAccounts, lookupUser, lookupUsers } from "./system.ts";
import { decideGuests, ownerUnknown } from "./users.ts";
import type { PasswdEntry } from "./users.ts";

export interface ShareRequest {
  /** The session's name on the owner's server (resolved by the caller). */
  session: string;
  /** Its @rune-project. */
  project: string;
  /** The owner's server: tmux global flags. */
  origin: string[];
  users: string[];
  access: Access;
  /** Names the env filter withholds: hidden from the copy's panes too. */
  hide: readonly string[];
}

export interface ShareOutcome {
  session: string;
  paths: SharePaths;
  owner: PasswdEntry;
  gate: Gate;
  /** A new share server was built (else the share existed and got more guests). */
  created: boolean;
  granted: { user: string; access: Access; before?: Access }[];
  /** Every guest and their access, after this call. */
  users: Record<string, Access>;
  /** Programs that stayed in the original session (new shares only). */
  programs: ReadLayout["programs"];
  notes: string[];
}

export async function shareSession(
  req: ShareRequest,
  ctx: ShareContext,
): Promise<ShareResult<ShareOutcome>> {
  const what = `share "${req.session}"`;
  const ownerFound = await lookupUser(ctx.runtime, ctx.env, ctx.uid);
  if (!ownerFound.ok) return ownerFound;
  const owner = ownerFound.value;
  if (!owner) return { ok: false, error: ownerUnknown(ctx.uid, what) };
  const lookup = await lookupUsers(ctx.runtime, ctx.env, req.users);
  if (!lookup.ok) return lookup;
  const guests = decideGuests(req.users, lookup.value, owner, what);
  if (!guests.ok) return guests;
  const found = await sharePaths(ctx.parentEnv, ctx.uid, req.session);
  if (!found.ok) return found;
  const paths = found.value;
  const base = ensureBase(paths.base, ctx.uid);
  if (!base.ok) return base;
  await pruneShares(ctx);
  let record = readRecord(paths.record);
  if (record && await shareLiveness(ctx.runtime, ctx.env, paths.socket, req.session) !== "alive") {
    await killShareServer(ctx.runtime, ctx.env, paths);
    record = undefined;
  }
  const names = guests.value.map((g) => g.name);
  // A group gate must hold the guests already there as well as the new ones.
  const others = await lookupUsers(ctx.runtime, ctx.env, Object.keys(record?.users ?? {}));
  if (!others.ok) return others;
  const everyone = [
    ...guests.value,
    ...[...others.value.values()].filter((u): u is PasswdEntry =>
      u !== undefined && !names.includes(u.name)
    ),
  ];
  const gate = await decideGate(record, owner, everyone, req.session, ctx);
  if (!gate.ok) return gate;
  let programs: ReadLayout["programs"] = [];
  const created = !record;
  if (!record) {
    const made = await makeShare(req, paths, owner, gate.value, ctx);
    if (!made.ok) return made;
    record = made.value.record;
    programs = made.value.programs;
  }
  const granted = await grant(record, paths, names, req.access, ctx, created);
  if (!granted.ok) return granted;
  const notes = recordShareEvents(
    ctx.stateDir,
    granted.value.map((g) =>
      shareEntry(
        {
          event: "grant",
          session: req.session,
          owner: owner.name,
          guest: g.user,
          access: g.access,
          socket: paths.socket,
        },
        { user: owner.name, project: record!.project, time: ctx.now() },
      )
    ),
  );
  return {
    ok: true,
    value: {
      session: req.session,
      paths,
      owner,
      gate: record.gate,
      created,
      granted: granted.value,
      users: record.users,
      programs,
      notes,
    },
  };
}

/** An existing share keeps its gate (a group must still hold every guest); else choose. */
async function decideGate(
  record: ShareRecord | undefined,
  owner: PasswdEntry,
  guests: readonly PasswdEntry[],
  session: string,
  ctx: ShareContext,
): Promise<ShareResult<Gate>> {
  if (record?.gate.kind === "acl") return { ok: true, value: record.gate };
  const setfacl = !record && hasSetfacl();
  let groups: GroupEntry[] = [];
  let users: PasswdEntry[] = [];
  if (!setfacl) {
    const listed = await listAccounts(ctx.runtime, ctx.env);
    if (!listed.ok) return listed;
    ({ groups, users } = listed.value);
  }
  const chosen = chooseGate({ setfacl, owner, guests, groups, users }, session);
  if (!chosen.ok || !record) return chosen;
  const kept = record.gate;
  if (chosen.value.kind === "group" && kept.kind === "group" && chosen.value.group === kept.group) {
    return { ok: true, value: kept };
  }
  return {
    ok: false,
    error: failed(
      `cannot share "${session}" with ${guests.map((g) => g.name).join(", ")}: its socket ` +
        `belongs to group "${kept.kind === "group" ? kept.group : ""}", which does not hold ` +
        "exactly them",
      `add them to that group (as root), or end the share (rune session unshare ${session}) ` +
        "and share again",
      "usage",
    ),
  };
}

/** A new share directory and server; on failure nothing is left. */
async function makeShare(
  req: ShareRequest,
  paths: SharePaths,
  owner: PasswdEntry,
  gate: Gate,
  ctx: ShareContext,
): Promise<ShareResult<{ record: ShareRecord; programs: ReadLayout["programs"] }>> {
  const read = await readSessionLayout(ctx.runtime, req.origin, ctx.env, req.session);
  if (!read.ok) return read;
  // A directory without a live record is a dead share's, or one another rune is making now:
  // only a socket that answers tells them apart, and then this call is the one to give way.
  if (await shareLiveness(ctx.runtime, ctx.env, paths.socket, req.session) === "alive") {
    return {
      ok: false,
      error: failed(
        `cannot share "${req.session}": another rune is sharing it right now`,
        `wait a moment, then: rune session share --list`,
      ),
    };
  }
  try {
    Deno.removeSync(paths.dir, { recursive: true });
  } catch { /* not there: the usual case */ }
  try {
    Deno.mkdirSync(paths.dir, { mode: 0o700 });
    Deno.chmodSync(paths.dir, 0o700);
    Deno.writeTextFileSync(paths.conf, shareConf(req.session), { mode: 0o600 });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return {
      ok: false,
      error: failed(`cannot make the share directory "${paths.dir}": ${(e as Error).message}`),
    };
  }
  const built = await buildShareServer(paths, read.value, {
    runtime: ctx.runtime,
    env: ctx.env,
    project: req.project,
    hide: req.hide,
    hooks: { runeArgv: currentRuneArgv(), env: carriedEnv(ctx.parentEnv) },
  });
  if (!built.ok) return built;
  const record: ShareRecord = {
    version: 1,
    session: req.session,
    project: req.project,
    owner: owner.name,
    ownerUid: owner.uid,
    origin: req.origin,
    socket: paths.socket,
    created: ctx.now().toISOString(),
    gate,
    users: {},
  };
  try {
    if (gate.kind === "group") {
      for (const [path, mode] of [[paths.dir, 0o710], [paths.socket, 0o660]] as const) {
        Deno.chownSync(path, null, gate.gid);
        Deno.chmodSync(path, mode);
      }
    }
    const problem = writeRecord(paths.record, record);
    if (problem) throw new Error(problem);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    await killShareServer(ctx.runtime, ctx.env, paths);
    return {
      ok: false,
      error: failed(`cannot set up the share of "${req.session}": ${(e as Error).message}`),
    };
  }
  return { ok: true, value: { record, programs: read.value.programs } };
}
