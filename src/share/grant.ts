/**
 * Letting guests in, and keeping the status mark in step: tmux's ACL first, then the
 * file-system gate, then share.json and the mark. A failure takes back what this call gave
 * (on a share it just made: the whole server).
 * Needs --allow-run=tmux,setfacl.
 */
import { chain, runTmux, tmuxError } from "../tmux/mod.ts";
import type { Access } from "./access.ts";
import { grantCommand, MARK_OPTION, parseServerAccess, shareMark } from "./access.ts";
import type { ShareContext } from "./context.ts";
import { failed } from "./errors.ts";
import type { ShareResult } from "./errors.ts";
import { aclGrantArgv } from "./gate.ts";
import type { SharePaths } from "./paths.ts";
import { writeRecord } from "./record.ts";
import type { ShareRecord } from "./record.ts";
import { killShareServer } from "./server.ts";

/** Grants `guests` `access` on the share in `paths`; `created`: the share is new. */
export async function grant(
  record: ShareRecord,
  paths: SharePaths,
  guests: string[],
  access: Access,
  ctx: ShareContext,
  created: boolean,
): Promise<ShareResult<{ user: string; access: Access; before?: Access }[]>> {
  const socket = ["-S", paths.socket];
  const run = (argv: readonly string[]) => ctx.runtime.run(argv, { clearEnv: true, env: ctx.env });
  const undo = async (why: string) => {
    if (created) await killShareServer(ctx.runtime, ctx.env, paths);
    else {
      const fresh = guests.filter((g) => !record.users[g]);
      if (fresh.length) {
        await runTmux(ctx.runtime, [
          "tmux",
          ...socket,
          ...chain(fresh.map((g) => ["server-access", "-d", g])),
        ], ctx.env);
      }
    }
    return { ok: false as const, error: failed(`cannot share "${record.session}": ${why}`) };
  };
  const list = await runTmux(ctx.runtime, ["tmux", ...socket, "server-access", "-l"], ctx.env);
  if (list.code !== 0) return await undo(tmuxError(list));
  const listed = new Set(parseServerAccess(list.stdout, record.owner).map((e) => e.user));
  const commands = guests.map((g) => grantCommand(g, access, listed.has(g)));
  const r = await runTmux(ctx.runtime, ["tmux", ...socket, ...chain(commands)], ctx.env);
  if (r.code !== 0) return await undo(`tmux refused: ${tmuxError(r)}`);
  if (record.gate.kind === "acl") {
    for (const argv of aclGrantArgv(paths.dir, paths.socket, guests)) {
      const s = await run(argv);
      if (s.code !== 0) {
        return await undo(
          `setfacl failed: ${s.stderr.trim() || `exit ${s.code}`} (does this file system ` +
            "support ACLs? set RUNE_SHARE_DIR to one that does)",
        );
      }
    }
  }
  const granted = guests.map((user) => ({ user, access, before: record.users[user] }));
  for (const g of guests) record.users[g] = access;
  const problem = writeRecord(paths.record, record);
  if (problem) return await undo(problem);
  await setMark(ctx, paths.socket, record.users);
  return { ok: true, value: granted };
}

/** The share server's status line says who may join, and with what. */
export async function setMark(
  ctx: ShareContext,
  socket: string,
  users: Record<string, Access>,
): Promise<void> {
  const entries = Object.entries(users).map(([user, access]) => ({ user, access }));
  await runTmux(
    ctx.runtime,
    ["tmux", "-S", socket, ...chain([["set-option", "-g", MARK_OPTION, shareMark(entries)]])],
    ctx.env,
  );
}
