/**
 * `rune session share | join | unshare`: a session shared with other Unix users on this
 * machine, and the hidden command the share server's hook runs when a client attaches.
 */
import { importLazy } from "../../base/mod.ts";
import type { CommandInput, CommandSpec } from "../spec.ts";

const SHARE_ENV: [string, string][] = [
  ["RUNE_TMUX_SOCKET", "the tmux server the session to share is on"],
  ["RUNE_SHARE_DIR", "where shares live (default /tmp): owner and guests must agree"],
];

function socketOf(input: CommandInput): { name?: string; path?: string } {
  const { socket, socketPath } = input.opts;
  return {
    name: typeof socket === "string" ? socket : undefined,
    path: typeof socketPath === "string" ? socketPath : undefined,
  };
}

function users(input: CommandInput): string[] {
  const given = input.opts.user;
  return Array.isArray(given) ? given : typeof given === "string" ? [given] : [];
}

const USER_OPTION = {
  flags: "--user <user>",
  description: "a Unix user (login name) this is about; repeat it for more",
  repeat: true,
} as const;

export const SHARE: CommandSpec = {
  name: "share",
  summary: "let other users on this machine join a session (read-only unless --write)",
  description: "The session is rebuilt on a tmux server of its own (same windows, panes, " +
    "layouts, directories and titles; programs do not move: the copy starts fresh shells), " +
    "whose socket only you and the named users can reach (POSIX ACLs; without setfacl, a " +
    "group that holds exactly them). Each user is let in read-only, or with write access " +
    "with --write. Read-only stops typing, not a determined guest: on tmux 3.3 anyone you " +
    "share with can act as you (README: Sharing a session). With --list: who may join what, " +
    "and who is attached now.",
  args: [{
    name: "name",
    required: false,
    description: "the session's name, its project's name, or a unique beginning of the name",
    complete: "session",
  }],
  options: [
    { ...USER_OPTION, description: "a Unix user (login name) who may join; repeat for more" },
    { flags: "--write", description: "let them type too: they act as you in its shells" },
    { flags: "--list", description: "list your shares: who may join, who is attached now" },
    { flags: "--json", description: "with --list: print JSON" },
  ],
  examples: [
    ["rune session share dev-web --user alice", "alice may watch dev-web (read-only)"],
    ["rune session share dev-web --user alice --user bob --write", "both may type"],
    ["rune session share --list", "your shares, their guests, who is attached now"],
  ],
  env: SHARE_ENV,
  run: async (input) => {
    const { sessionShare } = await importLazy<typeof import("../actions/share.ts")>(
      "src/cli/actions/share",
    );
    return await sessionShare(socketOf(input), input.args.name, {
      users: users(input),
      write: input.opts.write === true,
      list: input.opts.list === true,
      json: input.opts.json === true,
    }, input.globals);
  },
};

export const JOIN: CommandSpec = {
  name: "join",
  summary: "join a session another user shared with you",
  description: "Finds OWNER's share of SESSION, checks that its directory and socket are " +
    "OWNER's (a socket planted by someone else is never connected to), and attaches: " +
    "read-only unless OWNER granted you write access. Says why when it cannot: not shared, " +
    "not shared with you, or the session is gone.",
  args: [{ name: "target", required: true, description: "OWNER/SESSION, e.g. alice/dev-web" }],
  options: [{ flags: "--print", description: "print the attach command instead of attaching" }],
  examples: [
    ["rune session join alice/dev-web", "attach to alice's shared dev-web"],
    ["rune session join alice/dev-web --print", "only print the tmux command"],
  ],
  env: [["RUNE_SHARE_DIR", "where shares live (default /tmp): the owner's value"]],
  run: async (input) => {
    const { sessionJoin } = await importLazy<typeof import("../actions/share_join.ts")>(
      "src/cli/actions/share_join",
    );
    return await sessionJoin(input.args.target!, input.opts.print === true, input.globals);
  },
};

export const UNSHARE: CommandSpec = {
  name: "unshare",
  summary: "stop sharing a session (or take one user's access away)",
  description: "With --user: those users lose access at once; their clients are detached " +
    "(tmux server-access -d) and their ACL entries removed. Without: the share ends — its " +
    "server is killed and its directory removed, so nothing is left to connect to. Your " +
    "session on your own server is not touched.",
  args: [{
    name: "name",
    required: true,
    description: "the shared session's name, or a unique beginning of it",
  }],
  options: [USER_OPTION],
  examples: [
    ["rune session unshare dev-web --user alice", "alice is detached and may not rejoin"],
    ["rune session unshare dev-web", "end the share: nobody can reach it any more"],
  ],
  env: [["RUNE_SHARE_DIR", "where shares live (default /tmp)"]],
  run: async (input) => {
    const { sessionUnshare } = await importLazy<typeof import("../actions/share_end.ts")>(
      "src/cli/actions/share_end",
    );
    return await sessionUnshare(input.args.name!, users(input), input.globals);
  },
};

/** Run by the share server's client-attached hook: the owner's audit line for a join. */
export const SHARE_EVENT: CommandSpec = {
  name: "__share-event",
  summary: "record a client attaching to a shared session (the share server's hook)",
  hidden: true,
  exitCodes: false,
  options: [
    { flags: "--session <name>", description: "the shared session" },
    { flags: "--project <name>", description: "its project" },
    { flags: "--share-socket <path>", description: "the share server's socket" },
    { flags: "--user <user>", description: "the client's user" },
    { flags: "--uid <uid>", description: "the client's uid" },
    { flags: "--readonly <flag>", description: "1 for a read-only client" },
    { flags: "--control <flag>", description: "1 for a control-mode client" },
    { flags: "--client <name>", description: "the client's name (tty, or client-PID)" },
  ],
  run: async (input) => {
    const { shareEvent } = await importLazy<typeof import("../actions/share_end.ts")>(
      "src/cli/actions/share_end",
    );
    const o = input.opts;
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    return shareEvent({
      session: text(o.session),
      project: text(o.project),
      socket: text(o.shareSocket),
      user: text(o.user),
      uid: text(o.uid),
      readonly: text(o.readonly),
      control: text(o.control),
      client: text(o.client),
    });
  },
};
