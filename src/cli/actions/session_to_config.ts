/**
 * `rune session save --to-config NAME`: the session (running, else its latest save) written
 * into the config rune reads as the template NAME, as `tmuxp freeze` does: the config's
 * comments and order kept (yaml's Document API), the project's directory as {{.ProjectDir}},
 * never replacing a template without --force, and never leaving a config that would not load.
 */
import { formatIssue, visible } from "../../base/mod.ts";
import type { Issue } from "../../base/mod.ts";
import type { SavedSession } from "../../contract/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import { mergeIntoConfig, templateFromSaved } from "../../import/mod.ts";
import type { ImportResult } from "../../import/mod.ts";
import { templateFieldCheck, validateConfigText } from "../../config/mod.ts";
import { listLiveSessions, snapshotSessions } from "../../tmux/mod.ts";
import type { SocketChoice } from "../../tmux/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { configTarget, readConfigText, writeSchemaBeside, writeTextFile } from "../config_file.ts";
import { sessionWorld } from "./session.ts";
import { findSave, noSaveIssue, readSaves, savesDir } from "./saved_files.ts";

const NEW_CONFIG_HEAD = "# yaml-language-server: $schema=./config.schema.json\n" +
  "# rune's config (`rune config validate` checks it; `rune config edit` opens it).\n" +
  "version: 1\n";

export async function sessionToConfig(
  flags: SocketChoice,
  names: string[],
  force: boolean,
  globals: GlobalOptions,
): Promise<number> {
  if (names.length !== 1) {
    return report([{
      severity: "error",
      code: "usage",
      problem: `Cannot write a template: --to-config takes one session, not ${names.length}`,
      hint: "Give one session's name: rune session save --to-config NAME",
    }], "nothing written");
  }
  const found = await sessionOrSave(flags, names[0], globals);
  if ("issue" in found) return report([found.issue], "nothing written");
  const { session, source } = found;
  const projectDir = session.env.RUNE_PROJECT_DIR ?? session.dir;
  const result: ImportResult = {
    name: session.name,
    // The kind names the source only in merge's default comment, which is replaced here.
    kind: "tmuxp",
    file: source,
    template: templateFromSaved(session, projectDir),
    start: [],
    stop: [],
    warnings: [],
  };
  const target = await configTarget(globals);
  const read = readConfigText(target.path);
  if (!read.ok) return report([read.error], "nothing written");
  const existing = read.value ?? NEW_CONFIG_HEAD;
  const checkTemplates = await templateFieldCheck();
  const before = validateConfigText(existing, target.path, { checkTemplates }).issues;
  const merged = mergeIntoConfig(existing, result, {
    force,
    file: target.path,
    comment: ` saved from the tmux session "${session.name}" by \`rune session save ` +
      `--to-config\` (${source}); {{.ProjectDir}} was ${projectDir}`,
  });
  if (!merged.ok) return report(merged.error, "nothing written");
  const after = validateConfigText(merged.value, target.path, { checkTemplates }).issues;
  const known = new Set(before.map((i) => `${i.code}\n${i.problem}`));
  const broken = after.filter((i) =>
    i.severity === "error" && !known.has(`${i.code}\n${i.problem}`)
  );
  if (broken.length) {
    return report(broken, `nothing written: ${target.path} would not load with the template`);
  }
  const written = writeTextFile(target.path, merged.value);
  if (!written.ok) return report([written.error], "nothing written");
  if (!target.exists) {
    const schema = writeSchemaBeside(target.path);
    if (!schema.ok) console.error(formatIssue({ ...schema.error, severity: "warning" }));
  }
  if (!globals.quiet) {
    console.error(visible(
      `rune: ${target.exists ? "added" : "created"} ${target.path}: template ` +
        `"${session.name}" under rituals.templates\n  next: open it from a start step ` +
        `(tmux_template: ${JSON.stringify(session.name)}), then rune config validate`,
      { keepNewlines: true },
    ));
  }
  return EXIT.ok;
}

/** The running session `given` means (any session of the server), else its latest save. */
async function sessionOrSave(
  flags: SocketChoice,
  given: string,
  globals: GlobalOptions,
): Promise<{ session: SavedSession; source: string } | { issue: Issue }> {
  const world = await sessionWorld(flags, globals);
  const server = { runtime: denoRuntime, socket: world.socketArgs, env: world.clientEnv };
  const live = await listLiveSessions(server);
  if (live.ok) {
    const begins = live.value.filter((l) => l.project !== "" && l.name.startsWith(given));
    const one = live.value.find((l) => l.name === given) ??
      (begins.length === 1 ? begins[0] : undefined);
    if (one) {
      const snap = await snapshotSessions(server, [one]);
      if (!snap.ok) return { issue: snap.error };
      return { session: snap.value[0], source: "the running session" };
    }
  }
  const dir = savesDir();
  const { saves } = await readSaves(dir);
  const match = findSave(given, saves);
  if (match.kind !== "found") return { issue: noSaveIssue(given, match, dir) };
  return { session: match.save.session, source: match.save.path };
}

function report(issues: readonly Issue[], summary: string): number {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(visible(`rune: ${summary}`));
  return EXIT.usage;
}
