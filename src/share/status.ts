/**
 * Who may join what, and who is attached now (`rune session share --list`, the mark in
 * `rune session ls`), and the pruning of dead shares: a share server that is gone (its last
 * pane exited, it was killed, the machine restarted) leaves its directory behind, since tmux
 * never removes its socket (notes/tmux_share.md §8). Every `share`, `--list`, `ls` removes such
 * directories, so nothing of a share outlives it.
 * Needs --allow-run=tmux, --allow-read and --allow-write on the share base.
 */
import { chain, runTmux } from "../tmux/mod.ts";
import type { Access, ClientInfo } from "./access.ts";
import { listClientsCommand, parseClients, parseServerAccess } from "./access.ts";
import type { ShareContext } from "./context.ts";
import { recordShareEvents, shareEntry } from "./events.ts";
import type { Gate } from "./gate.ts";
import { shareBase } from "./paths.ts";
import { listShareDirs } from "./record.ts";
import type { ShareRecord } from "./record.ts";
import { shareLiveness } from "./server.ts";
import { UTF8 } from "./layout.ts";

/** A directory with no record yet younger than this may be a share being made right now. */
const HALF_MADE_MS = 60_000;

/** Removes the owner's dead shares; returns the sessions whose share was removed. */
export async function pruneShares(ctx: ShareContext): Promise<string[]> {
  const removed: string[] = [];
  for (const { dir, record } of listShareDirs(shareBase(ctx.parentEnv, ctx.uid))) {
    if (!record) {
      let age = 0;
      try {
        age = ctx.now().getTime() - (Deno.statSync(dir).mtime?.getTime() ?? 0);
      } catch { /* gone already */ }
      if (age > HALF_MADE_MS) remove(dir);
      continue;
    }
    if (await shareLiveness(ctx.runtime, ctx.env, record.socket, record.session) !== "dead") {
      continue;
    }
    await runTmux(ctx.runtime, ["tmux", "-S", record.socket, "kill-server"], ctx.env);
    remove(dir);
    removed.push(record.session);
    recordShareEvents(ctx.stateDir, [
      shareEntry(
        {
          event: "end",
          session: record.session,
          owner: record.owner,
          socket: record.socket,
          reason: "the share server was gone; its directory was removed",
        },
        { user: record.owner, project: record.project, time: ctx.now() },
      ),
    ]);
  }
  return removed;
}

function remove(dir: string): void {
  try {
    Deno.removeSync(dir, { recursive: true });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
  }
}

export interface GuestStatus {
  user: string;
  access: Access;
  /** Their clients attached now. */
  clients: ClientInfo[];
}

export interface ShareStatus {
  session: string;
  owner: string;
  project: string;
  socket: string;
  gate: Gate;
  /** Who may join: tmux's own ACL (`server-access -l`), the owner left out. */
  guests: GuestStatus[];
  /** Attached clients of users not on the list (root can always connect). */
  others: ClientInfo[];
}

/** Every live share of the owner's, after pruning the dead ones. */
export async function listShares(ctx: ShareContext): Promise<ShareStatus[]> {
  await pruneShares(ctx);
  const out: ShareStatus[] = [];
  for (const { record } of listShareDirs(shareBase(ctx.parentEnv, ctx.uid))) {
    if (!record) continue;
    out.push(await shareStatus(record, ctx));
  }
  return out;
}

/** One share: `server-access -l` and `list-clients` in one call, filtered by uid. */
export async function shareStatus(record: ShareRecord, ctx: ShareContext): Promise<ShareStatus> {
  const r = await runTmux(
    ctx.runtime,
    ["tmux", UTF8, "-S", record.socket, ...chain([["server-access", "-l"], listClientsCommand()])],
    ctx.env,
  );
  const entries = parseServerAccess(r.stdout, record.owner);
  const clients = parseClients(r.stdout).filter((c) => c.uid !== record.ownerUid);
  const guests = entries.map((e) => ({
    ...e,
    clients: clients.filter((c) => c.user === e.user),
  }));
  const others = clients.filter((c) => !entries.some((e) => e.user === c.user));
  return {
    session: record.session,
    owner: record.owner,
    project: record.project,
    socket: record.socket,
    gate: record.gate,
    guests,
    others,
  };
}

/** The owner's live share records (pruned first): for `rune session ls` and `rune stop`. */
export async function shareRecords(ctx: ShareContext): Promise<ShareRecord[]> {
  await pruneShares(ctx);
  return listShareDirs(shareBase(ctx.parentEnv, ctx.uid)).flatMap((d) =>
    d.record ? [d.record] : []
  );
}
