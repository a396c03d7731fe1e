/**
 * Taking a share back. `unshare NAME --user U`: `server-access -d U` (tmux detaches every
 * client of that uid at once and refuses them from then on), then the ACL entries on the
 * socket and the directory go, then the record and the mark; rune waits (at most 2 s) until
 * no client of theirs is left, so it can say they are gone. `unshare NAME` and the end of a
 * share (rune stop, rune session kill): `kill-server` on the share socket and the directory
 * removed, so nothing stays listening. Each revoke, detach and end is an audit line.
 * Needs --allow-run=tmux,setfacl,getent.
 */
import { chain, runTmux, tmuxError } from "../tmux/mod.ts";
import type { Access, ClientInfo } from "./access.ts";
import { listClientsCommand, parseClients, parseServerAccess, revokeCommand } from "./access.ts";
import type { ShareContext } from "./context.ts";
import { failed } from "./errors.ts";
import type { ShareResult } from "./errors.ts";
import { recordShareEvents, shareEntry } from "./events.ts";
import { aclRevokeArgv } from "./gate.ts";
import { shareDirOf, writeRecord } from "./record.ts";
import type { ShareRecord } from "./record.ts";
import { setMark } from "./grant.ts";
import { UTF8 } from "./layout.ts";
import type { AuditEntry } from "../state/mod.ts";

const DETACH_DEADLINE_MS = 2_000;

export interface Revoked {
  user: string;
  access: Access;
  /** Their clients, detached by `server-access -d`. */
  clients: ClientInfo[];
  /** Still attached when rune stopped waiting (should never happen). */
  lingering: number;
}

async function clientsOf(record: ShareRecord, ctx: ShareContext): Promise<ClientInfo[]> {
  const r = await runTmux(
    ctx.runtime,
    ["tmux", UTF8, "-S", record.socket, ...listClientsCommand()],
    ctx.env,
  );
  return r.code === 0 ? parseClients(r.stdout) : [];
}

/** Revokes `users` (checked names: each must be on the share's list) on `record`'s share. */
export async function revokeGuests(
  record: ShareRecord,
  users: readonly string[],
  ctx: ShareContext,
): Promise<ShareResult<{ revoked: Revoked[]; notes: string[] }>> {
  const dir = shareDirOf(record);
  const socket = ["-S", record.socket];
  const list = await runTmux(ctx.runtime, ["tmux", ...socket, "server-access", "-l"], ctx.env);
  if (list.code !== 0) {
    return { ok: false, error: failed(`cannot unshare "${record.session}": ${tmuxError(list)}`) };
  }
  const listed = parseServerAccess(list.stdout, record.owner);
  const unknown = users.filter((u) => !listed.some((e) => e.user === u));
  if (unknown.length) {
    return {
      ok: false,
      error: failed(
        `cannot unshare "${record.session}" from ${unknown.map((u) => `"${u}"`).join(", ")}: ` +
          `${unknown.length === 1 ? "that user has" : "they have"} no access to it`,
        `its guests: ${listed.map((e) => e.user).join(", ") || "none"} ` +
          "(rune session share --list)",
        "usage",
      ),
    };
  }
  const before = await clientsOf(record, ctx);
  const r = await runTmux(
    ctx.runtime,
    ["tmux", ...socket, ...chain(users.map(revokeCommand))],
    ctx.env,
  );
  if (r.code !== 0) {
    return { ok: false, error: failed(`cannot unshare "${record.session}": ${tmuxError(r)}`) };
  }
  const notes: string[] = [];
  if (record.gate.kind === "acl") {
    for (const argv of aclRevokeArgv(`${dir}`, record.socket, users)) {
      const s = await ctx.runtime.run(argv, { clearEnv: true, env: ctx.env });
      if (s.code !== 0) notes.push(`setfacl: ${s.stderr.trim() || `exit ${s.code}`}`);
    }
  } else {
    notes.push(
      `${users.join(", ")} ${users.length === 1 ? "is" : "are"} still in group ` +
        `"${record.gate.group}", which can reach the socket; tmux refuses them (server-access)`,
    );
  }
  const names = new Set(users);
  const theirs = (c: ClientInfo) => names.has(c.user);
  const deadline = ctx.now().getTime() + DETACH_DEADLINE_MS;
  let left = before.filter(theirs);
  while (left.length && ctx.now().getTime() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    left = (await clientsOf(record, ctx)).filter(theirs);
  }
  const revoked = users.map((user) => ({
    user,
    access: listed.find((e) => e.user === user)!.access,
    clients: before.filter((c) => c.user === user),
    lingering: left.filter((c) => c.user === user).length,
  }));
  for (const u of users) delete record.users[u];
  const problem = writeRecord(`${dir}/share.json`, record);
  if (problem) notes.push(problem);
  await setMark(ctx, record.socket, record.users);
  const lines = revoked.flatMap((v) => [
    event(record, ctx, { event: "revoke", guest: v.user, access: v.access }),
    ...v.clients.map((c) => detachEvent(record, ctx, c)),
  ]);
  notes.push(...recordShareEvents(ctx.stateDir, lines));
  return { ok: true, value: { revoked, notes } };
}

/**
 * Ends the share: its guests' clients are listed (for the audit), the share server is
 * killed and the directory removed. `why`: "rune stop", "rune session kill", "unshare".
 */
export async function endShare(
  record: ShareRecord,
  ctx: ShareContext,
  why: string,
): Promise<{ detached: ClientInfo[]; notes: string[] }> {
  const dir = shareDirOf(record);
  const detached = (await clientsOf(record, ctx)).filter((c) => c.uid !== record.ownerUid);
  await runTmux(ctx.runtime, ["tmux", "-S", record.socket, "kill-server"], ctx.env);
  const notes: string[] = [];
  try {
    Deno.removeSync(dir, { recursive: true });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    if (!(e instanceof Deno.errors.NotFound)) {
      notes.push(`cannot remove ${dir}: ${(e as Error).message}`);
    }
  }
  notes.push(...recordShareEvents(ctx.stateDir, [
    ...detached.map((c) => detachEvent(record, ctx, c)),
    event(record, ctx, { event: "end", reason: why }),
  ]));
  return { detached, notes };
}

function event(
  record: ShareRecord,
  ctx: ShareContext,
  e: Partial<AuditEntry["share"]> & { event: NonNullable<AuditEntry["share"]>["event"] },
): AuditEntry {
  return shareEntry(
    { session: record.session, owner: record.owner, socket: record.socket, ...e },
    { user: record.owner, project: record.project, time: ctx.now() },
  );
}

function detachEvent(record: ShareRecord, ctx: ShareContext, c: ClientInfo): AuditEntry {
  return event(record, ctx, {
    event: "detach",
    guest: c.user,
    access: c.readonly ? "read-only" : "write",
    client: c.name,
    ...(c.control ? { control: true } : {}),
  });
}
