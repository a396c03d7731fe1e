/**
 * `rune session join OWNER/NAME`, the guest's side: where the owner's share is, whether it may
 * be trusted, whether it is shared with this user and with what access, and the attach argv.
 * Each "no" says which: not shared (nothing there), not shared with you (the directory or
 * socket refuses you, or tmux's ACL does), the owner's session is gone, or something there is
 * not the owner's (a planted socket: never connected to).
 * Needs --allow-run=tmux,getent, --allow-read on the share root.
 */
import { shellQuote } from "../shell/mod.ts";
import { tmuxCommand, tmuxError } from "../tmux/mod.ts";
import type { Access } from "./access.ts";
import type { ShareContext } from "./context.ts";
import { failed } from "./errors.ts";
import type { ShareResult } from "./errors.ts";
import { guestView } from "./fs_checks.ts";
import { sharePaths } from "./paths.ts";
import type { SharePaths } from "./paths.ts";
import { lookupUser } from "./system.ts";
import { isUserName } from "./users.ts";
import type { PasswdEntry } from "./users.ts";

export interface JoinTarget {
  owner: string;
  session: string;
}

/** "OWNER/NAME" → its parts (a session name may hold "/": the owner's name never does). Pure. */
export function parseJoinTarget(given: string): ShareResult<JoinTarget> {
  const slash = given.indexOf("/");
  const owner = slash < 0 ? "" : given.slice(0, slash);
  const session = slash < 0 ? "" : given.slice(slash + 1);
  if (!isUserName(owner) || session === "") {
    return {
      ok: false,
      error: failed(
        `cannot join "${given}": expected OWNER/SESSION, the owner's login name and the ` +
          "session's name",
        "copy the command the owner's `rune session share` printed, e.g. " +
          "rune session join alice/dev-web",
        "usage",
      ),
    };
  }
  return { ok: true, value: { owner, session } };
}

export interface JoinPlan {
  owner: PasswdEntry;
  paths: SharePaths;
  access: Access;
  /** The tmux argv that attaches: `-r` unless the owner granted write. */
  attach: string[];
}

/** Finds and checks the share, and asks the share server (as this user) what access it has. */
export async function planJoin(
  target: JoinTarget,
  ctx: ShareContext,
): Promise<ShareResult<JoinPlan>> {
  const what = `join ${target.owner}/${target.session}`;
  const found = await lookupUser(ctx.runtime, ctx.env, target.owner);
  if (!found.ok) return found;
  const owner = found.value;
  if (!owner || owner.name !== target.owner) {
    return {
      ok: false,
      error: failed(
        `cannot ${what}: there is no user "${target.owner}" here`,
        "check the owner's login name",
        "usage",
      ),
    };
  }
  const located = await sharePaths(ctx.parentEnv, owner.uid, target.session);
  if (!located.ok) return located;
  const paths = located.value;
  const view = guestView(paths, owner.uid);
  switch (view.kind) {
    case "absent":
      return refuse(
        `cannot ${what}: ${owner.name} does not share a session named "${target.session}" ` +
          `(nothing at ${view.path}), or the share has ended`,
        `ask ${owner.name} to run: rune session share ${shellQuote(target.session)} --user YOU`,
      );
    case "denied":
      return refuse(
        `cannot ${what}: it is not shared with you (permission denied at ${view.path})`,
        `ask ${owner.name} to run: rune session share ${shellQuote(target.session)} --user YOU`,
      );
    case "untrusted":
      return refuse(
        `cannot ${what}: ${view.path} is not ${owner.name}'s (${view.why}); it may have been ` +
          "planted to catch what you type, so rune did not connect to it",
        `tell ${owner.name} and the machine's administrator`,
      );
    case "reachable":
      break;
  }
  // has-session is no read-only command: a read-only client is told so, which is the answer.
  const probe = await ctx.runtime.run(
    tmuxCommand(["-S", paths.socket], "has-session", "-t", `=${target.session}`),
    { clearEnv: true, env: ctx.env },
  );
  if (probe.code === 127) {
    return {
      ok: false,
      error: failed(
        `cannot ${what}: tmux is not installed`,
        "install tmux 3.3 or newer",
        "missing",
      ),
    };
  }
  // ⚠ tmux exits 0 for "access not allowed": the message decides, before the exit code.
  let access: Access;
  if (/access not allowed/.test(probe.stderr)) {
    return refuse(
      `cannot ${what}: it is not shared with you (tmux refuses you: "access not allowed")`,
      `ask ${owner.name} to run: rune session share ${shellQuote(target.session)} --user YOU`,
    );
  } else if (/client is read-only/.test(probe.stderr)) access = "read-only";
  else if (probe.code === 0 && probe.stderr.trim() === "") access = "write";
  else if (/no server running|can't find session|Connection refused/.test(probe.stderr)) {
    return refuse(
      `cannot ${what}: ${owner.name}'s shared session is gone (${tmuxError(probe)})`,
      `ask ${owner.name} to share it again`,
    );
  } else {
    return refuse(
      `cannot ${what}: ${tmuxError(probe)}`,
      `ask ${owner.name} whether it is still shared`,
    );
  }
  // -E: the guest's environment never reaches the session (the server has update-environment "" too).
  const flags = access === "read-only" ? ["-E", "-r"] : ["-E"];
  return {
    ok: true,
    value: {
      owner,
      paths,
      access,
      attach: tmuxCommand(
        ["-S", paths.socket],
        "attach-session",
        ...flags,
        "-t",
        `=${target.session}`,
      ),
    },
  };
}

function refuse(problem: string, hint: string): ShareResult<never> {
  return { ok: false, error: failed(problem, hint) };
}
