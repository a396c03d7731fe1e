/**
 * `rune __complete -- WORDS…` answers the completion scripts (`rune completion SHELL` prints them,
 * from commands/completion.ts: it needs no permission, so it loads nothing from here). Commands
 * and options come from the tree alone; project and template names need the config (loaded
 * without the template-variable check, which is the slow part), session names one tmux call.
 * Anything that fails offers nothing: a completion never prints an error into the prompt.
 */
import { completeWords, completionLines } from "../complete.ts";
import type { Candidate, DynamicSource } from "../complete.ts";
import type { Config } from "../../config/mod.ts";
import type { CommandSpec, GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { currentDir } from "../cwd.ts";
import { loadConfigCached } from "../load_config.ts";
import { importLazy, writeOrStop } from "../../base/mod.ts";

export async function runComplete(
  root: CommandSpec,
  words: string[],
  globals: GlobalOptions,
): Promise<number> {
  writeOrStop(Deno.stdout, await completionAnswer(root, words, globals));
  return EXIT.ok;
}

/** The text `rune __complete -- WORDS…` prints for `root`. */
export async function completionAnswer(
  root: CommandSpec,
  words: string[],
  globals: GlobalOptions,
): Promise<string> {
  const { completion, given } = completeWords(root, words.length ? words : [""]);
  switch (completion.kind) {
    case "words":
      return completionLines(completion.candidates);
    case "files":
      return completionLines([], true);
    case "dynamic": {
      const names = await dynamicNames(completion.source, {
        config: given.config ?? globals.config,
        socket: given.socket,
        socketPath: given.socketPath,
      }).catch(() => []);
      return completionLines(names.filter((c) => c.word.startsWith(completion.prefix)));
    }
    case "none":
      return "";
  }
}

async function dynamicNames(
  source: DynamicSource,
  from: { config?: string; socket?: string; socketPath?: string },
): Promise<Candidate[]> {
  const loaded = await loadConfigCached({
    flag: from.config,
    env: Deno.env.toObject(),
    cwd: currentDir(),
    templates: false,
  });
  if (source === "session") {
    const { runeSessions } = await importLazy<typeof import("./ls.ts")>("src/cli/actions/ls");
    // A config that does not load names no server; the flags or RUNE_TMUX_SOCKET still do.
    const config: Config = loaded.ok ? loaded.value.config : {};
    const sessions = await runeSessions(config, { name: from.socket, path: from.socketPath });
    return sessions.ok
      ? sessions.sessions.map((s) => ({ word: s.name, description: `project ${s.project}` }))
      : [];
  }
  if (!loaded.ok) return [];
  const { configOverview } = await importLazy<typeof import("../../planning/mod.ts")>(
    "src/planning/mod",
  );
  const overview = configOverview(loaded.value.config);
  return source === "project"
    ? overview.projects.map((p) => ({ word: p.name, description: p.detect.join(", ") }))
    : overview.templates.map((t) => ({ word: t.name, description: `session ${t.session_name}` }));
}
