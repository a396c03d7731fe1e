/** `rune ls`: projects, templates and running sessions at a glance. */
import { importLazy } from "../../base/mod.ts";
import { CONFIG_ENV } from "../help.ts";
import type { CommandSpec } from "../spec.ts";

export const LS: CommandSpec = {
  name: "ls",
  summary: "list projects, templates and rune's running tmux sessions",
  description: "The configured projects with their detect rules and step counts, the tmux " +
    "templates with the steps that open them, and the sessions rune made on the tmux server " +
    "(the server `rune start` would use). Without tmux the sessions are left out, with a word " +
    "why; the exit code is still 0.",
  options: [
    { flags: "--json", description: "print {file, projects, templates, sessions} as JSON" },
    { flags: "--socket <name>", description: "the tmux server with this socket name (tmux -L)" },
    {
      flags: "--socket-path <path>",
      description: "the tmux server at this socket path (tmux -S)",
      complete: "file",
    },
  ],
  examples: [
    ["rune ls", "what the config defines, and what is running"],
    ["rune ls --json | jq '.projects[].name'", "the project names, for scripts"],
    ["rune ls --socket work", "sessions on the server `tmux -L work`"],
  ],
  env: [
    ...CONFIG_ENV,
    ["RUNE_TMUX_SOCKET", "tmux server to use: a socket name, or a path if it has a /"],
  ],
  run: async ({ opts, globals }) => {
    const { runLs } = await importLazy<typeof import("../actions/ls.ts")>("src/cli/actions/ls");
    return await runLs({
      json: opts.json === true,
      socket: {
        name: typeof opts.socket === "string" ? opts.socket : undefined,
        path: typeof opts.socketPath === "string" ? opts.socketPath : undefined,
      },
    }, globals);
  },
};
