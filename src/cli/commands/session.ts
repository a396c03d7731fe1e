/**
 * `rune session ls | status [NAME] | attach NAME | kill NAME | share | join | unshare`: the tmux
 * sessions rune made; `save | restore | saved` (session_saves.ts) keep them on disk.
 */
import { importLazy } from "../../base/mod.ts";
import type { CommandInput, CommandSpec } from "../spec.ts";
import { JOIN, SHARE, SHARE_EVENT, UNSHARE } from "./session_share.ts";
import { RESTORE, SAVE, SAVED } from "./session_saves.ts";

const SOCKET_ENV: [string, string][] = [
  ["RUNE_TMUX_SOCKET", "tmux server to use: a socket name, or a path if it has a /"],
  ["TMUX", "inside tmux, the current server is the default and attach switches the client"],
];

function socketOf(input: CommandInput): { name?: string; path?: string } {
  const { socket, socketPath } = input.opts;
  return {
    name: typeof socket === "string" ? socket : undefined,
    path: typeof socketPath === "string" ? socketPath : undefined,
  };
}

const NAME_ARG = {
  name: "name",
  required: true,
  description: "the session's name, its project's name, or a unique beginning of the name",
  complete: "session",
} as const;

export const SESSION: CommandSpec = {
  name: "session",
  summary: "list, attach to, kill, share, save and restore the tmux sessions rune made",
  description: "The tmux sessions rune built (marked with the @rune-project option). Other " +
    "sessions on the server are never listed or killed (save takes them with --any).",
  options: [
    { flags: "--socket <name>", description: "the tmux server with this socket name (tmux -L)" },
    {
      flags: "--socket-path <path>",
      description: "the tmux server at this socket path (tmux -S)",
      complete: "file",
    },
  ],
  examples: [
    ["rune session ls", "rune's sessions on your tmux server"],
    ["rune session ls --json", "the same, for scripts"],
    ["rune session status dev-web", "which panes are ready, and what the others wait for"],
    ["rune session attach dev-web", "attach (or switch, inside tmux) to dev-web"],
    ["rune session kill dev-web", "kill dev-web, if rune made it"],
    ["rune session share dev-web --user alice", "let alice watch dev-web (read-only)"],
    ["rune session join bob/api", "join the session bob shared with you"],
    ["rune session save --all", "save rune's sessions to disk"],
    ["rune session restore --all", "build the saved sessions again"],
  ],
  env: SOCKET_ENV,
  commands: [
    {
      name: "ls",
      summary: "list rune's sessions",
      options: [{ flags: "--json", description: "print them as JSON" }],
      examples: [
        ["rune session ls", "rune's sessions: name, project, windows, attached, created"],
        ["rune session ls --json", "the same, for scripts"],
        ["rune session ls --socket work", "on the server `tmux -L work`"],
      ],
      env: SOCKET_ENV,
      run: async (input) => {
        const { sessionList } = await importLazy<typeof import("../actions/session.ts")>(
          "src/cli/actions/session",
        );
        return await sessionList(socketOf(input), input.opts.json === true, input.globals);
      },
    },
    {
      name: "status",
      summary: "each pane of rune's sessions: waiting (for what), ready, failed, exited",
      args: [{ ...NAME_ARG, required: false }],
      options: [{ flags: "--json", description: "print them as JSON" }],
      examples: [
        ["rune session status", "every pane of every session rune made"],
        ["rune session status dev-web", "the panes of dev-web and what each waits for"],
        ["rune session status dev-web --json", "the same, for scripts"],
      ],
      env: SOCKET_ENV,
      run: async (input) => {
        const { sessionStatusCommand } = await importLazy<
          typeof import("../actions/session_status.ts")
        >("src/cli/actions/session_status");
        return await sessionStatusCommand(
          socketOf(input),
          input.args.name,
          input.opts.json === true,
          input.globals,
        );
      },
    },
    {
      name: "attach",
      summary: "attach to a session rune made (switch-client inside tmux)",
      args: [NAME_ARG],
      examples: [
        ["rune session attach dev-web", "attach to dev-web (switch to it inside tmux)"],
        ["rune session attach web", "the session of project web, or the one named web…"],
      ],
      env: SOCKET_ENV,
      run: async (input) => {
        const { sessionAttach } = await importLazy<typeof import("../actions/session.ts")>(
          "src/cli/actions/session",
        );
        return await sessionAttach(socketOf(input), input.args.name!, input.globals);
      },
    },
    {
      name: "kill",
      summary: "kill a session rune made",
      args: [NAME_ARG],
      examples: [
        ["rune session kill dev-web", "kill dev-web, if rune made it"],
        ["rune session kill dev-web --socket work", "on the server `tmux -L work`"],
      ],
      env: SOCKET_ENV,
      run: async (input) => {
        const { sessionKill } = await importLazy<typeof import("../actions/session.ts")>(
          "src/cli/actions/session",
        );
        return await sessionKill(socketOf(input), input.args.name!, input.globals);
      },
    },
    SHARE,
    JOIN,
    UNSHARE,
    SHARE_EVENT,
    SAVE,
    RESTORE,
    SAVED,
  ],
};
