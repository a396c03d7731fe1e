/**
 * Ending and taking back shares: `rune session unshare`, the end of a project's shares on
 * `rune stop`, of a session's share on `rune session kill`, the share mark in `rune session
 * ls`, and the hidden command the share server's hook runs when a client attaches.
 */
import { visible } from "../../base/mod.ts";
import {
  endShare,
  isUserName,
  readRecord,
  recordShareEvents,
  revokeGuests,
  sameServer,
  shareEntry,
  shareRecords,
} from "../../share/mod.ts";
import type { Access, ShareRecord } from "../../share/mod.ts";
import { resolveSession } from "../../tmux/mod.ts";
import type { TmuxWorld } from "../../tmux/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { reportNotes, reportShareError, shareContext } from "./share_context.ts";

export async function sessionUnshare(
  given: string,
  users: string[],
  globals: GlobalOptions,
): Promise<number> {
  const ctx = shareContext();
  const records = await shareRecords(ctx);
  // The same rules as every session name: exact, project, unique beginning.
  const match = resolveSession(
    given,
    records.map((r) => ({
      name: r.session,
      project: r.project,
      windows: 0,
      attached: 0,
      created: 0,
    })),
  );
  if (match.kind !== "found") {
    console.error(visible(
      `rune: cannot unshare "${given}": ${
        match.kind === "ambiguous"
          ? `it fits ${match.names.map((n) => `"${n}"`).join(", ")}`
          : "you share no session of that name"
      }\n  hint: your shares: rune session share --list`,
      { keepNewlines: true },
    ));
    return EXIT.usage;
  }
  const record = records.find((r) => r.session === match.session.name)!;
  if (!users.length) {
    const ended = await endShare(record, ctx, "unshare");
    if (!globals.quiet) {
      console.log(visible(
        `ended the share of "${record.session}": its server is gone` +
          (ended.detached.length
            ? `, ${ended.detached.length} guest client(s) detached (${
              ended.detached.map((c) => `${c.user} ${c.name}`).join(", ")
            })`
            : "") +
          `; your session "${record.session}" on your own server is untouched`,
      ));
    }
    reportNotes(ended.notes);
    return EXIT.ok;
  }
  const bad = users.filter((u) => !isUserName(u));
  if (bad.length) {
    console.error(visible(
      `rune: cannot unshare "${record.session}": ${bad.map((u) => `"${u}"`).join(", ")} ${
        bad.length === 1 ? "is not a user name" : "are not user names"
      }\n` +
        "  hint: give the login names of its guests (rune session share --list)",
      { keepNewlines: true },
    ));
    return EXIT.usage;
  }
  const r = await revokeGuests(record, [...new Set(users)], ctx);
  if (!r.ok) return reportShareError(r.error);
  if (!globals.quiet) {
    for (const v of r.value.revoked) {
      console.log(visible(
        `${v.user} may no longer join "${record.session}" (was ${v.access})` +
          (v.clients.length
            ? `; detached ${v.clients.length} client(s): ${v.clients.map((c) => c.name).join(", ")}`
            : "") +
          (v.lingering ? ` (${v.lingering} still attached: check rune session share --list)` : ""),
      ));
    }
  }
  reportNotes(r.value.notes);
  return r.value.revoked.some((v) => v.lingering) ? EXIT.stepFailed : EXIT.ok;
}

/** `rune stop PROJECT` ends the project's shares; `rune session kill` that session's. */
export async function endSharesWhere(
  fits: (r: ShareRecord) => boolean,
  why: string,
  quiet: boolean,
): Promise<void> {
  const ctx = shareContext();
  for (const record of (await shareRecords(ctx)).filter(fits)) {
    const ended = await endShare(record, ctx, why);
    if (!quiet) {
      console.error(visible(
        `ended the share of "${record.session}"` +
          (ended.detached.length ? ` (${ended.detached.length} guest client(s) detached)` : ""),
      ));
    }
    reportNotes(ended.notes);
  }
}

/** For `rune session ls`: each session of this server that is shared, and with whom. */
export async function shareMarks(
  world: TmuxWorld,
): Promise<Map<string, { socket: string; users: Record<string, Access> }>> {
  const marks = new Map<string, { socket: string; users: Record<string, Access> }>();
  for (const r of await shareRecords(shareContext(world.clientEnv))) {
    if (sameServer(r.origin, world.socketArgs)) {
      marks.set(r.session, { socket: r.socket, users: r.users });
    }
  }
  return marks;
}

/** The mark's text in `rune session ls`: write access first and loud. */
export function markText(users: Record<string, Access>): string {
  const write = Object.keys(users).filter((u) => users[u] === "write");
  const read = Object.keys(users).filter((u) => users[u] === "read-only");
  return [
    ...(write.length ? [`WRITE: ${write.join(",")}`] : []),
    ...(read.length ? [`read-only: ${read.join(",")}`] : []),
  ].join(" ") || "shared";
}

export interface ShareEventInput {
  session: string;
  project: string;
  socket: string;
  user: string;
  uid: string;
  readonly: string;
  control: string;
  client: string;
}

/** The hook's line: a client attached to a share server (the owner's own clients are not logged). */
export function shareEvent(e: ShareEventInput): number {
  if (Number(e.uid) === Deno.uid() || !e.socket) return EXIT.ok;
  const ctx = shareContext();
  const record = readRecord(`${e.socket.slice(0, e.socket.lastIndexOf("/"))}/share.json`);
  const access: Access = e.readonly === "1" ? "read-only" : "write";
  recordShareEvents(ctx.stateDir, [
    shareEntry({
      event: "join",
      session: record?.session ?? e.session,
      owner: record?.owner ?? "",
      guest: e.user || `uid ${e.uid}`,
      access,
      client: e.client,
      ...(e.control === "1" ? { control: true } : {}),
      socket: e.socket,
    }, { user: e.user || `uid ${e.uid}`, project: record?.project ?? e.project, time: ctx.now() }),
  ]);
  return EXIT.ok;
}
