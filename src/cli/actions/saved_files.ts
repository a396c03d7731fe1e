/**
 * The saves in $XDG_DATA_HOME/rune/saved, read for `rune session saved`, `restore` and
 * `save --to-config`: every file parsed (a broken one is reported, the others still used), and
 * which one a NAME means (the session's name, a unique beginning of it, or its project's name).
 */
import { runePaths, suggest } from "../../base/mod.ts";
import type { Issue } from "../../base/mod.ts";
import type { SavedSession } from "../../contract/mod.ts";
import { listSaved, parseSaved, savedDir } from "../../state/mod.ts";

export interface SavedOnDisk {
  path: string;
  /** The save before it, when there is one. */
  previous?: string;
  session: SavedSession;
  savedAt: string;
}

/** Where saves live for rune's current environment. */
export function savesDir(): string {
  return savedDir(runePaths(Deno.env.toObject()).dataDir);
}

/** Every save (or every previous save), parsed; the problems of files that do not read. */
export async function readSaves(
  dir: string,
  which: "latest" | "previous" = "latest",
): Promise<{ saves: SavedOnDisk[]; issues: Issue[] }> {
  const saves: SavedOnDisk[] = [];
  const issues: Issue[] = [];
  for (const entry of listSaved(dir)) {
    const path = which === "latest" ? entry.path : entry.previous;
    if (path === undefined) continue;
    let text: string;
    try {
      text = Deno.readTextFileSync(path);
    } catch (e) {
      if (e instanceof Deno.errors.NotCapable) throw e;
      issues.push({
        severity: "error",
        code: "saved-unreadable",
        problem: `Cannot read the saved session "${path}": ${(e as Error).message}`,
        hint: "Check the file's owner and mode",
      });
      continue;
    }
    const parsed = parseSaved(text, path, await import("yaml"));
    if (!parsed.ok) {
      issues.push(...parsed.error);
      continue;
    }
    saves.push({ path, previous: entry.previous, ...parsed.value });
  }
  return { saves, issues };
}

export type SaveMatch =
  | { kind: "found"; save: SavedOnDisk }
  | { kind: "ambiguous"; names: string[] }
  | { kind: "none"; suggestion?: string };

/** The save `given` means. */
export function findSave(given: string, saves: readonly SavedOnDisk[]): SaveMatch {
  const exact = saves.find((s) => s.session.name === given);
  if (exact) return { kind: "found", save: exact };
  const rules = [
    (s: SavedOnDisk) => s.session.name.startsWith(given),
    (s: SavedOnDisk) => s.session.project !== "" && s.session.project === given,
  ];
  for (const fits of rules) {
    const matches = saves.filter(fits);
    if (matches.length === 1) return { kind: "found", save: matches[0] };
    if (matches.length > 1) return { kind: "ambiguous", names: matches.map((s) => s.session.name) };
  }
  return { kind: "none", suggestion: suggest(given, saves.map((s) => s.session.name)) };
}

/** Why `given` found no save, as an Issue. */
export function noSaveIssue(given: string, match: SaveMatch, dir: string): Issue {
  const problem = match.kind === "ambiguous"
    ? `Cannot tell which saved session "${given}" means: it fits ${
      match.names.map((n) => `"${n}"`).join(", ")
    }`
    : `Cannot find a saved session "${given}" in ${dir}`;
  const hint = match.kind === "ambiguous"
    ? "Give more of the name"
    : match.kind === "none" && match.suggestion
    ? `Did you mean "${match.suggestion}"? (the saves: rune session saved)`
    : "See the saves with: rune session saved; make one with: rune session save NAME";
  return { severity: "error", code: "unknown-save", problem, hint };
}

/** The saves NAME…|--all means, or why not. */
export function chooseSaves(
  saves: SavedOnDisk[],
  options: { names: readonly string[]; all: boolean },
  dir: string,
): { saves: SavedOnDisk[]; issues: Issue[] } {
  if (options.all) {
    if (saves.length) return { saves, issues: [] };
    return {
      saves: [],
      issues: [{
        severity: "error",
        code: "unknown-save",
        problem: `Cannot restore: there is no saved session in ${dir}`,
        hint: "Save one first: rune session save NAME (or --all)",
      }],
    };
  }
  if (!options.names.length) {
    return {
      saves: [],
      issues: [{
        severity: "error",
        code: "usage",
        problem: "Cannot restore: no saved session named",
        hint: "Name one (rune session saved lists them), or pass --all",
      }],
    };
  }
  const out: SavedOnDisk[] = [];
  const issues: Issue[] = [];
  for (const given of options.names) {
    const match = findSave(given, saves);
    if (match.kind === "found") {
      if (!out.includes(match.save)) out.push(match.save);
    } else issues.push(noSaveIssue(given, match, dir));
  }
  return { saves: out, issues };
}
