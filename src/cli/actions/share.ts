/** `rune session share NAME --user U… [--write]` and `rune session share --list [--json]`. */
import { visible } from "../../base/mod.ts";
import { shellQuote } from "../../shell/mod.ts";
import { describeGate, listShares, shareRecords, shareSession } from "../../share/mod.ts";
import type { ShareOutcome, ShareStatus } from "../../share/mod.ts";
import { listRuneSessions, resolveSession, tmuxArg } from "../../tmux/mod.ts";
import type { SocketChoice } from "../../tmux/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { sessionWorld } from "./session.ts";
import { reportNotes, reportShareError, shareContext } from "./share_context.ts";

export interface ShareOptions {
  users: string[];
  write: boolean;
  list: boolean;
  json: boolean;
}

export async function sessionShare(
  flags: SocketChoice,
  given: string | undefined,
  options: ShareOptions,
  globals: GlobalOptions,
): Promise<number> {
  if (options.list) return await shareList(options.json);
  if (!given || !options.users.length) {
    console.error(
      `rune: cannot share: ${!given ? "no session was named" : "no user was named"}\n` +
        "  hint: rune session share NAME --user USER [--user USER…] [--write], or " +
        "rune session share --list",
    );
    return EXIT.usage;
  }
  const world = await sessionWorld(flags, globals);
  const ctx = shareContext(world.clientEnv);
  // A live share of that exact name gets more guests, even once the original is gone.
  const existing = (await shareRecords(ctx)).find((r) => r.session === given);
  let session = existing?.session;
  let project = existing?.project;
  if (!existing) {
    const listed = await listRuneSessions(denoRuntime, world.socketArgs, world.clientEnv);
    if (!listed.ok) {
      console.error(visible(`rune: cannot list tmux sessions: ${listed.message}`));
      return listed.missing ? EXIT.missing : EXIT.stepFailed;
    }
    const match = resolveSession(given, listed.sessions);
    if (match.kind !== "found") {
      console.error(visible(
        `rune: cannot share "${given}": ${
          match.kind === "ambiguous"
            ? `it fits ${match.names.map((n) => `"${n}"`).join(", ")}`
            : "it is not a session rune made on this server"
        }\n  hint: ${
          match.kind === "none" && match.suggestion ? `did you mean "${match.suggestion}"? (` : "("
        }rune's sessions: rune session ls)`,
        { keepNewlines: true },
      ));
      return EXIT.usage;
    }
    session = match.session.name;
    project = match.session.project;
  }
  const r = await shareSession({
    session: session!,
    project: project!,
    origin: existing?.origin ?? world.socketArgs,
    users: options.users,
    access: options.write ? "write" : "read-only",
    hide: world.hide,
  }, ctx);
  if (!r.ok) return reportShareError(r.error);
  if (!globals.quiet) console.log(visible(shareText(r.value).join("\n"), { keepNewlines: true }));
  reportNotes(r.value.notes);
  return EXIT.ok;
}

/** The command a guest runs to join, with tmux: every argument as tmux and a shell read it. */
export function guestAttach(socket: string, session: string, write: boolean): string {
  const args = [
    "tmux",
    "-S",
    socket,
    "attach-session",
    ...(write ? [] : ["-r"]),
    "-t",
    `=${session}`,
  ];
  return args.map((a, i) => shellQuote(i > 0 ? tmuxArg(a) : a)).join(" ");
}

/** `rune session join OWNER/NAME`, quoted for a shell. */
function joinCommand(owner: string, session: string): string {
  return `rune session join ${shellQuote(`${owner}/${session}`)}`;
}

/** What `share` did, for the person who shared. */
function shareText(o: ShareOutcome): string[] {
  const name = o.session;
  const granted = o.granted.map((g) =>
    `${g.user} (${g.access}${g.before && g.before !== g.access ? `, was ${g.before}` : ""}${
      g.before === g.access ? ", unchanged" : ""
    })`
  );
  const guests = Object.keys(o.users);
  const lines = [`shared "${name}" with ${granted.join(", ")}`];
  if (o.created) {
    lines.push(
      `  server:  a tmux server of its own (socket ${o.paths.socket}), holding only this ` +
        "session: the same windows, panes, layouts, directories and titles, with fresh shells",
    );
    lines.push(
      o.programs.length
        ? `  stays:   programs do not move between tmux servers; still running in "${name}" on ` +
          `your server: ${
            o.programs.map((p) => `${p.command} (window ${p.window}, pane ${p.pane})`).join(", ")
          }`
        : `  stays:   your session "${name}" keeps running on your server, untouched`,
    );
  }
  lines.push(
    `  access:  ${describeGate(o.gate, o.paths.dir, guests)}; tmux lets ` +
      guests.map((g) => `${g} ${o.users[g] === "write" ? "with write access" : "read-only"}`)
        .join(", ") +
      " (server-access)",
  );
  if (Object.values(o.users).includes("write")) {
    lines.push("  ⚠ write: a guest with write access types into your shells as you");
  }
  lines.push(
    "  note:    read-only stops typing and the mouse, not a determined guest: on tmux 3.3 " +
      "anyone you share with can act as you (README: Sharing a session)",
  );
  lines.push(`  join:    ${joinCommand(o.owner.name, name)}`);
  for (const access of new Set(o.granted.map((g) => g.access))) {
    lines.push(
      `     or:   ${guestAttach(o.paths.socket, name, access === "write")}` +
        (o.granted.some((g) => g.access !== access) ? `   (${access})` : ""),
    );
  }
  lines.push(
    `  you:     tmux -S ${shellQuote(o.paths.socket)} attach-session -t ${
      shellQuote(tmuxArg(`=${name}`))
    }`,
  );
  lines.push(`  end:     rune session unshare ${shellQuote(name)}   (one guest: --user NAME)`);
  return lines;
}

async function shareList(json: boolean): Promise<number> {
  const ctx = shareContext();
  const shares = await listShares(ctx);
  if (json) {
    const shown = shares.map((s) => ({ ...s, join: joinCommand(s.owner, s.session) }));
    console.log(JSON.stringify(shown, null, 2));
    return EXIT.ok;
  }
  if (!shares.length) {
    console.error("no shared sessions (share one with: rune session share NAME --user USER)");
    return EXIT.ok;
  }
  console.log(visible(listText(shares).join("\n"), { keepNewlines: true }));
  return EXIT.ok;
}

function listText(shares: readonly ShareStatus[]): string[] {
  const rows: string[][] = [["SESSION", "GUEST", "ACCESS", "ATTACHED NOW"]];
  for (const s of shares) {
    if (!s.guests.length) rows.push([s.session, "-", "-", "-"]);
    for (const g of s.guests) {
      rows.push([
        s.session,
        g.user,
        g.access === "write" ? "WRITE" : "read-only",
        clientsText(g.clients),
      ]);
    }
    for (const c of s.others) {
      rows.push([s.session, c.user, "(not listed: root may always connect)", clientsText([c])]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const out = rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd());
  for (const s of shares) {
    out.push(`${s.session}: socket ${s.socket}; join: ${joinCommand(s.owner, s.session)}`);
  }
  return out;
}

function clientsText(clients: ShareStatus["others"]): string {
  if (!clients.length) return "-";
  return clients.map((c) =>
    `${c.name}${c.readonly ? "" : " (typing allowed)"}${
      c.control ? " (control mode: can run commands as you)" : ""
    }`
  ).join(", ");
}
