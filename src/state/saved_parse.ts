/**
 * A saved session's file → the SavedSession it holds, or every problem with it, each naming
 * the key (the file may have been edited by hand). The caller hands in npm:yaml (`await
 * import("yaml")`), so that no command that loads src/state (start, status, the hooks) has the
 * YAML parser in its module graph: only `session restore` and `session saved` read saves.
 */
import { errorIssue } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import type { SavedPane, SavedSession, SavedWindow } from "../contract/mod.ts";
import { SAVED_FORMAT } from "./saved_format.ts";

export interface SavedFile {
  session: SavedSession;
  /** ISO time of the save. */
  savedAt: string;
}

type Raw = Record<string, unknown>;

/** npm:yaml, as `await import("yaml")` gives it. */
export type YamlModule = typeof import("yaml");

export function parseSaved(
  text: string,
  file: string,
  yaml: YamlModule,
): Result<SavedFile, Issue[]> {
  // A CommonJS build of yaml puts its exports on the default export.
  const { parseDocument, LineCounter } = (yaml as { default?: YamlModule }).default ?? yaml;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      error: doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0]);
        return errorIssue(
          "saved-syntax",
          `Cannot read the saved session: ${e.message.split("\n")[0]}`,
          {
            where: { file, line, column: col },
            hint: "Fix the file's YAML, or restore the previous save with --previous",
          },
        );
      }),
    };
  }
  const problems: string[] = [];
  const root = doc.toJS() as unknown;
  if (!isMap(root) || root.rune_saved_session === undefined) {
    return fail(file, ["it is not a session saved by `rune session save` (no rune_saved_session)"]);
  }
  if (root.rune_saved_session !== SAVED_FORMAT) {
    return fail(file, [
      `it is in format ${JSON.stringify(root.rune_saved_session)}, and this rune reads ` +
      `format ${SAVED_FORMAT}`,
    ]);
  }
  const v = checker(problems);
  const size = v.str(root, "size", "size").match(/^(\d+)x(\d+)$/);
  if (!size) problems.push('size must look like "200x50"');
  const windows = v.list(root, "windows", "windows").map((w, i) =>
    savedWindow(w, `windows[${i}]`, v)
  );
  const session: SavedSession = {
    name: v.str(root, "session_name", "session_name"),
    project: v.str(root, "project", "project", ""),
    dir: v.str(root, "dir", "dir"),
    size: { columns: Number(size?.[1] ?? 0), rows: Number(size?.[2] ?? 0) },
    env: v.record(root, "env", "env"),
    options: v.record(root, "options", "options"),
    windows,
  };
  if (session.name === "" && !problems.length) problems.push("session_name is empty");
  if (problems.length) return fail(file, problems);
  return { ok: true, value: { session, savedAt: v.str(root, "saved_at", "saved_at", "") } };
}

function savedWindow(raw: unknown, path: string, v: Checker): SavedWindow {
  const w = isMap(raw) ? raw : (v.problems.push(`${path} must be a map`), {});
  return {
    name: v.str(w, "name", `${path}.name`, ""),
    layout: v.str(w, "layout", `${path}.layout`, ""),
    active: v.bool(w, "focus", `${path}.focus`),
    zoomed: v.bool(w, "zoom", `${path}.zoom`),
    options: v.record(w, "window_options", `${path}.window_options`),
    panes: v.list(w, "panes", `${path}.panes`).map((p, i) =>
      savedPane(p, `${path}.panes[${i}]`, v)
    ),
  };
}

function savedPane(raw: unknown, path: string, v: Checker): SavedPane {
  const p = isMap(raw) ? raw : (v.problems.push(`${path} must be a map`), {});
  const pane: SavedPane = {
    dir: v.str(p, "dir", `${path}.dir`),
    title: v.str(p, "title", `${path}.title`, ""),
    active: v.bool(p, "focus", `${path}.focus`),
  };
  const running = p.running;
  if (typeof running === "string" && running !== "") pane.running = running;
  else if (
    Array.isArray(running) && running.length && running.every((a) => typeof a === "string")
  ) {
    pane.running = running;
  } else if (running !== undefined && running !== null) {
    v.problems.push(`${path}.running must be a command line or a list of arguments`);
  }
  return pane;
}

interface Checker {
  problems: string[];
  str(m: Raw, key: string, path: string, fallback?: string): string;
  bool(m: Raw, key: string, path: string): boolean;
  record(m: Raw, key: string, path: string): Record<string, string>;
  list(m: Raw, key: string, path: string): unknown[];
}

function checker(problems: string[]): Checker {
  return {
    problems,
    str(m, key, path, fallback) {
      const value = m[key];
      if (typeof value === "string") return value;
      if (value === undefined && fallback !== undefined) return fallback;
      problems.push(`${path} must be a string`);
      return "";
    },
    bool(m, key, path) {
      const value = m[key];
      if (value === undefined || typeof value === "boolean") return value === true;
      problems.push(`${path} must be true or false`);
      return false;
    },
    record(m, key, path) {
      const value = m[key];
      if (value === undefined || value === null) return {};
      if (isMap(value) && Object.values(value).every((x) => typeof x === "string")) {
        return value as Record<string, string>;
      }
      problems.push(`${path} must map names to strings`);
      return {};
    },
    list(m, key, path) {
      const value = m[key];
      if (Array.isArray(value) && value.length) return value;
      problems.push(`${path} must be a list with at least one entry`);
      return [];
    },
  };
}

function isMap(value: unknown): value is Raw {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function fail(file: string, problems: string[]): { ok: false; error: Issue[] } {
  return {
    ok: false,
    error: problems.map((p) =>
      errorIssue("saved-invalid", `Cannot read the saved session "${file}": ${p}`, {
        hint: "Fix the file by hand, or restore the previous save with --previous",
      })
    ),
  };
}
