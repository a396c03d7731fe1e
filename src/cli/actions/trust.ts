/**
 * `rune trust`, `rune untrust`, `rune trust --list`: the trust store of project-local
 * `.rune.yaml` files (src/state/trust_store.ts). Trusting shows first and asks; the store keeps
 * the file's path (its directory's real path), the SHA-256 of the text and the text itself.
 */
import {
  err,
  formatIssue,
  type Issue,
  ok,
  type Result,
  runePaths,
  sha256Hex,
  visible,
} from "../../base/mod.ts";
import {
  loadConfig,
  LOCAL_CONFIG_NAME,
  parseLocalConfig,
  readConfigText,
  TEMPLATE_PLACES,
  templateFieldCheck,
  templatesAt,
} from "../../config/mod.ts";
import { findLocalFile } from "../../project/mod.ts";
import type { LocalFile } from "../../project/mod.ts";
import {
  readTrustStore,
  type TrustEntry,
  trustState,
  withTrusted,
  writeTrustStore,
} from "../../state/mod.ts";
import { lineDiff } from "../../output/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { currentDir } from "../cwd.ts";
import { outputColors } from "../output.ts";
import { askLine, canAsk } from "../prompt.ts";
import { issueCounts } from "../load_config.ts";
import { whatItAdds } from "./trust_show.ts";

export async function runTrust(
  pathArg: string | undefined,
  options: { yes: boolean },
  globals: GlobalOptions,
): Promise<number> {
  const env = Deno.env.toObject();
  const target = await targetFile(pathArg, env, { mustExist: true });
  if (!target.ok) return fail(target.error, EXIT.usage);
  const file = target.value;
  if (file.symlink) {
    return fail(
      trustIssue(`${file.path} is a symbolic link`, {
        hint: "rune trusts only a regular file: replace the link with the file itself",
      }),
      EXIT.usage,
    );
  }
  const read = await readConfigText(file.path, env);
  if (!read.ok) {
    if (read.error.kind === "invalid") return printIssues(read.error.issues, file.path);
    return fail(trustIssue(`${file.path} cannot be read: ${read.error.message}`), EXIT.usage);
  }
  const text = read.value.text;
  const user = await loadConfig({ flag: globals.config, env, cwd: currentDir() });
  const userTemplates = new Set<string>();
  for (const place of TEMPLATE_PLACES) {
    const config = user.ok ? user.value.config : {};
    for (const name of Object.keys(templatesAt(config, place))) userTemplates.add(name);
  }
  const parsed = parseLocalConfig(text, file.path, {
    dir: file.dir,
    userTemplates,
    checkTemplates: await templateFieldCheck(),
    maxBytes: read.value.maxBytes,
  });
  if (!parsed.ok) return printIssues(parsed.error, file.path);
  const local = parsed.value;

  const dataDir = runePaths(env).dataDir;
  const store = readTrustStore(dataDir);
  if (!store.ok) return fail(store.error, EXIT.stepFailed);
  const sha = await sha256Hex(text);
  const { state, entry } = trustState(store.value, file.key, sha);
  const shown = visible(file.path);
  if (state === "trusted") {
    console.log(`rune: ${shown} is already trusted as it is (project ${visible(local.project)})`);
    return EXIT.ok;
  }
  const colors = outputColors("stdout", globals);
  const lines = [colors.bold(`${shown} (project ${visible(local.project)})`)];
  if (state === "changed" && entry) {
    lines.push(
      `changed since you trusted it (${entry.trusted_at}):`,
      ...lineDiff(entry.content, text),
    );
  } else lines.push("never trusted: everything it holds is new");
  for (const w of local.warnings) lines.push(formatIssue(w));
  const userProjects = user.ok ? user.value.config.projects ?? [] : [];
  if (userProjects.some((p) => p.name.toLowerCase() === local.project.toLowerCase())) {
    lines.push(
      `it names project "${visible(local.project)}", which your config also has: its ` +
        "commands are added after yours",
    );
  }
  lines.push(...whatItAdds(local, { colors, env }));
  console.log(lines.join("\n"));

  if (!options.yes) {
    if (!canAsk()) {
      return fail(
        trustIssue(`there is no terminal to ask whether to trust ${file.path}`, {
          hint: "Review it above, then run `rune trust --yes`",
        }),
        EXIT.stepFailed,
      );
    }
    const answer = await askLine(`Trust ${shown} as shown? [y/N] `);
    if (!/^y(es)?$/i.test(answer?.trim() ?? "")) {
      console.error("rune: not trusted; nothing changed");
      return EXIT.stepFailed;
    }
  }
  const written = writeTrustStore(
    dataDir,
    withTrusted(store.value, {
      path: file.key,
      sha256: sha,
      project: local.project,
      trusted_at: new Date().toISOString(),
      content: text,
    }),
  );
  if (!written.ok) return fail(written.error, EXIT.stepFailed);
  console.error(
    `rune: trusted ${shown} (project ${visible(local.project)}): rune uses it while it ` +
      "stays exactly as shown",
  );
  return EXIT.ok;
}

export async function runUntrust(pathArg: string | undefined): Promise<number> {
  const env = Deno.env.toObject();
  const target = await targetFile(pathArg, env, { mustExist: false });
  if (!target.ok) return fail(target.error, EXIT.usage);
  const dataDir = runePaths(env).dataDir;
  const store = readTrustStore(dataDir);
  if (!store.ok) return fail(store.error, EXIT.stepFailed);
  const key = target.value.key;
  const kept = store.value.filter((e) => e.path !== key);
  if (kept.length === store.value.length) {
    console.error(visible(`rune: ${key} was not trusted; nothing changed`));
    return EXIT.ok;
  }
  const written = writeTrustStore(dataDir, kept);
  if (!written.ok) return fail(written.error, EXIT.stepFailed);
  console.error(visible(`rune: ${key} is no longer trusted: rune ignores it`));
  return EXIT.ok;
}

export async function runTrustList(options: { json: boolean }): Promise<number> {
  const env = Deno.env.toObject();
  const store = readTrustStore(runePaths(env).dataDir);
  if (!store.ok) return fail(store.error, EXIT.stepFailed);
  const rows = [];
  for (const e of store.value) rows.push({ ...withoutContent(e), state: await stateNow(e) });
  if (options.json) {
    console.log(JSON.stringify(rows, null, 2));
    return EXIT.ok;
  }
  if (!rows.length) {
    console.log("no trusted files (trust one with `rune trust` in its project)");
    return EXIT.ok;
  }
  for (const r of rows) {
    console.log(visible(`${r.state.padEnd(8)} ${r.project}  ${r.path}  (trusted ${r.trusted_at})`));
  }
  return EXIT.ok;
}

/** trusted (unchanged), changed, or missing (moved or deleted). */
async function stateNow(e: TrustEntry): Promise<"trusted" | "changed" | "missing"> {
  try {
    if ((await Deno.lstat(e.path)).isSymlink) return "changed";
    const text = await Deno.readTextFile(e.path);
    return (await sha256Hex(text)) === e.sha256 ? "trusted" : "changed";
  } catch (x) {
    if (x instanceof Deno.errors.NotCapable) throw x;
    return "missing";
  }
}

function withoutContent(e: TrustEntry): Omit<TrustEntry, "content"> {
  const { content: _, ...rest } = e;
  return rest;
}

/** PATH (a file, or a directory holding .rune.yaml), else the nearest .rune.yaml from here. */
async function targetFile(
  pathArg: string | undefined,
  env: Record<string, string>,
  o: { mustExist: boolean },
): Promise<Result<LocalFile, Issue>> {
  const cwd = currentDir();
  if (pathArg === undefined) {
    const found = await findLocalFile(cwd, env, LOCAL_CONFIG_NAME);
    if (found) return ok(found);
    return err(trustIssue(`there is no ${LOCAL_CONFIG_NAME} here or above (up to the git root)`, {
      hint: "cd into the project, name its file (rune trust PATH), or write one with " +
        "`rune init --project`",
    }));
  }
  let path = normalize(pathArg.startsWith("/") ? pathArg : `${cwd}/${pathArg}`);
  if (statSafe(path)?.isDirectory) path = `${path}/${LOCAL_CONFIG_NAME}`;
  const dir = path.slice(0, path.lastIndexOf("/")) || "/";
  const info = lstatSafe(path);
  if (!info && o.mustExist) {
    return err(trustIssue(`"${path}" does not exist`, { hint: "Give the project's .rune.yaml" }));
  }
  let real = dir;
  try {
    real = Deno.realPathSync(dir);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
  }
  const name = path.slice(path.lastIndexOf("/") + 1);
  return ok({ path, dir, key: `${real === "/" ? "" : real}/${name}`, symlink: !!info?.isSymlink });
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}

function statSafe(path: string): Deno.FileInfo | undefined {
  try {
    return Deno.statSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return undefined;
  }
}

function lstatSafe(path: string): Deno.FileInfo | undefined {
  try {
    return Deno.lstatSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return undefined;
  }
}

function trustIssue(problem: string, extra: Partial<Issue> = {}): Issue {
  return { severity: "error", code: "trust", problem: `Cannot trust: ${problem}`, ...extra };
}

function printIssues(issues: Issue[], file: string): number {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(visible(`rune: ${file}: ${issueCounts(issues)}; nothing trusted`));
  return EXIT.usage;
}

function fail(issue: Issue, code: number): number {
  console.error(formatIssue(issue));
  return code;
}
