/**
 * `rune session save | restore | saved`: sessions kept on disk and built again (issue 16).
 * Part of the `session` group, so its --socket and --socket-path apply.
 */
import { importLazy } from "../../base/mod.ts";
import type { CommandInput, CommandSpec } from "../spec.ts";

function socketOf(input: CommandInput): { name?: string; path?: string } {
  const { socket, socketPath } = input.opts;
  return {
    name: typeof socket === "string" ? socket : undefined,
    path: typeof socketPath === "string" ? socketPath : undefined,
  };
}

const SAVE_ENV: [string, string][] = [
  ["RUNE_TMUX_SOCKET", "tmux server to use: a socket name, or a path if it has a /"],
  ["XDG_DATA_HOME", "saves go to $XDG_DATA_HOME/rune/saved (default ~/.local/share/rune/saved)"],
];

export const SAVE: CommandSpec = {
  name: "save",
  summary: "save tmux sessions to disk (or into the config as a template)",
  description: "Each session becomes one file, $XDG_DATA_HOME/rune/saved/NAME.yaml, the " +
    "previous save kept as NAME.prev.yaml: its windows in order (names, exact layouts, the " +
    "active and zoomed one), each pane's directory, title and the program running in it, " +
    "the variables rune gave its panes, and the options set on it. A save that would be " +
    "empty, or that finds the server going away, writes nothing and keeps the earlier file.",
  args: [{
    name: "names",
    required: false,
    variadic: true,
    description: "sessions: a name, its project's name or a unique beginning of the name",
    complete: "session",
  }],
  options: [
    { flags: "--all", description: "save every session rune made on the server" },
    { flags: "--any", description: "also sessions rune did not make (with --all: every one)" },
    {
      flags: "--to-config",
      description: "write the session into your config as a template to edit, like " +
        "`tmuxp freeze` (the running session, else its latest save)",
    },
    { flags: "--force", description: "with --to-config: replace a template of that name" },
    {
      flags: "--autosave",
      description: "what rune's autosave hook and timer run: quiet unless something fails",
    },
  ],
  examples: [
    ["rune session save dev-web", "save the session dev-web"],
    ["rune session save --all", "save every session rune made"],
    ["rune session save --all --any", "save every session on the server"],
    ["rune session save --to-config dev-web", "make dev-web a template in your config"],
  ],
  env: SAVE_ENV,
  run: async (input) => {
    const names = input.rest;
    if (input.opts.toConfig === true) {
      const { sessionToConfig } = await importLazy<
        typeof import("../actions/session_to_config.ts")
      >("src/cli/actions/session_to_config");
      return await sessionToConfig(
        socketOf(input),
        names,
        input.opts.force === true,
        input.globals,
      );
    }
    const { sessionSave } = await importLazy<typeof import("../actions/session_save.ts")>(
      "src/cli/actions/session_save",
    );
    return await sessionSave(socketOf(input), {
      names,
      all: input.opts.all === true,
      any: input.opts.any === true,
      autosave: input.opts.autosave === true,
    }, input.globals);
  },
};

export const RESTORE: CommandSpec = {
  name: "restore",
  summary: "build saved sessions again",
  description: "Rebuilds each saved session with rune's tmux engine, at its saved size so " +
    "layouts come back exact. A program that was running starts again when it is in " +
    "settings.tmux.restore_programs (default: vi, vim, nvim, emacs, nano, less, more, man, " +
    "tail, top, htop, btop, watch) or with --run-commands; any other is typed on the prompt, " +
    "not run. A session that is running already is left as it is.",
  args: [{
    name: "names",
    required: false,
    variadic: true,
    description: "saved sessions: a name, a unique beginning of it, or a project's name",
  }],
  options: [
    { flags: "--all", description: "restore every saved session" },
    {
      flags: "--run-commands",
      description: "start every saved program again, not only the allowlisted",
    },
    { flags: "--previous", description: "restore the save before the latest (NAME.prev.yaml)" },
  ],
  examples: [
    ["rune session restore dev-web", "build dev-web as it was saved"],
    ["rune session restore --all", "every saved session that is not running"],
    ["rune session restore dev-web --previous", "the save before the latest"],
  ],
  env: SAVE_ENV,
  run: async (input) => {
    const { sessionRestore } = await importLazy<typeof import("../actions/session_restore.ts")>(
      "src/cli/actions/session_restore",
    );
    return await sessionRestore(socketOf(input), {
      names: input.rest,
      all: input.opts.all === true,
      runCommands: input.opts.runCommands === true,
      previous: input.opts.previous === true,
    }, input.globals);
  },
};

export const SAVED: CommandSpec = {
  name: "saved",
  summary: "list saved sessions: their time, windows and panes",
  options: [{ flags: "--json", description: "print them as JSON" }],
  examples: [
    [
      "rune session saved",
      "name, project, windows, panes, when, and whether an older save is kept",
    ],
    ["rune session saved --json", "the same, for scripts"],
  ],
  env: SAVE_ENV.slice(1),
  run: async (input) => {
    const { sessionSaved } = await importLazy<typeof import("../actions/session_saved.ts")>(
      "src/cli/actions/session_saved",
    );
    return await sessionSaved(input.opts.json === true);
  },
};
