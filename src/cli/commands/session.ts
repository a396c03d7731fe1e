/** `rune session ls | attach NAME | kill NAME`: the tmux sessions rune made. */
import { importLazy } from "../../base/mod.ts";
import type { CommandInput, CommandSpec } from "../spec.ts";

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
  summary: "list, attach to or kill the tmux sessions rune made",
  description: "The tmux sessions rune built (marked with the @rune-project option). Other " +
    "sessions on the server are never listed or killed.",
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
    ["rune session attach dev-web", "attach (or switch, inside tmux) to dev-web"],
    ["rune session kill dev-web", "kill dev-web, if rune made it"],
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
  ],
};
