/**
 * Whose file is this? Reads parsed YAML/JSON (plain objects or `Map`s) and names the tool it
 * belongs to, with the keys that say so, so `config validate`, `start` and `doctor` can point a
 * tmuxinator, tmuxp or smug user at `rune import`. It sits here, in the config's load path
 * (validate.ts), rather than in src/import, which is above src/config and would bring every
 * converter into each config load; src/import re-exports it. Pure; it never converts anything.
 */
import { errorIssue } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";

/** The tools whose project files rune recognises and imports. */
export type SourceKind = "tmuxinator" | "tmuxp" | "smug";

export type DetectedKind = SourceKind | "rune" | "unknown";

export interface Detection {
  kind: DetectedKind;
  /** The keys that decided it, as paths: "session_name", "windows[0].window_name". */
  evidence: string[];
}

const RUNE_KEYS = ["rituals", "projects", "settings", "version", "user_id"];

/** Keys only this tool uses at the top level (weight 2), and keys it shares (weight 1). */
const TOP: Record<SourceKind, { only: string[]; shared: string[] }> = {
  tmuxinator: {
    only: [
      "project_name",
      "project_root",
      "pre_window",
      "pre_tab",
      "tabs",
      "on_project_start",
      "on_project_first_start",
      "on_project_restart",
      "on_project_exit",
      "on_project_stop",
      "socket_name",
      "startup_window",
      "startup_pane",
      "tmux_command",
      "enable_pane_titles",
      "rbenv",
      "rvm",
    ],
    shared: ["name", "root", "attach"],
  },
  tmuxp: {
    only: [
      "session_name",
      "start_directory",
      "shell_command_before",
      "before_script",
      "global_options",
      "suppress_history",
      "plugins",
    ],
    shared: ["environment", "options"],
  },
  smug: {
    only: ["session", "before_start", "stop", "attach_hook", "detach_hook", "sendkeys_timeout"],
    shared: ["root", "env", "attach"],
  },
};

const WINDOW: Record<SourceKind, string[]> = {
  tmuxinator: [],
  tmuxp: ["window_name", "shell_command_before", "start_directory", "window_shell", "options"],
  smug: ["commands", "selected", "manual", "before_start"],
};
const PANE: Record<SourceKind, string[]> = {
  tmuxinator: [],
  tmuxp: ["shell_command", "start_directory"],
  smug: ["type", "commands"],
};

/** Names the tool `data` (a parsed file) belongs to, with the evidence. */
export function detectFormat(data: unknown): Detection {
  const top = entries(data);
  if (!top) return { kind: "unknown", evidence: [] };
  const keys = top.map(([k]) => String(k));
  const runeKeys = keys.filter((k) => RUNE_KEYS.includes(k));
  if (keys.includes("rituals") || keys.includes("projects")) {
    return { kind: "rune", evidence: runeKeys };
  }
  const scores = (Object.keys(TOP) as SourceKind[]).map((kind) => {
    const evidence: string[] = [];
    let score = 0;
    for (const k of keys) {
      const weight = TOP[kind].only.includes(k) ? 2 : TOP[kind].shared.includes(k) ? 1 : 0;
      if (!weight) continue;
      score += weight;
      evidence.push(k);
    }
    const w = windowEvidence(kind, top);
    return { kind, score: score + 2 * w.length, evidence: [...evidence, ...w] };
  }).sort((a, b) => b.score - a.score);
  const [best, next] = scores;
  if (best.score >= 2 && best.score > next.score) {
    return { kind: best.kind, evidence: best.evidence };
  }
  if (runeKeys.length) return { kind: "rune", evidence: runeKeys };
  return { kind: "unknown", evidence: [] };
}

/**
 * The error for a foreign file given where a rune config was expected, or undefined for a rune
 * (or unknown) file: "it is a tmuxinator project file", with the import command as the hint.
 */
export function foreignFileIssue(detection: Detection, file: string): Issue | undefined {
  const kind = detection.kind;
  if (kind === "rune" || kind === "unknown") return undefined;
  const what = kind === "tmuxp" ? "tmuxp workspace" : `${kind} project`;
  return errorIssue(
    "foreign-config",
    `Cannot use ${file} as a rune config: it is a ${what} file (${detection.evidence.join(", ")})`,
    { hint: `Run \`rune import ${kind} ${file}\` to turn it into a rune template and rituals` },
  );
}

function windowEvidence(kind: SourceKind, top: [unknown, unknown][]): string[] {
  const found: string[] = [];
  const windows = top.find(([k]) => k === "windows" || (kind === "tmuxinator" && k === "tabs"));
  const list = Array.isArray(windows?.[1]) ? windows[1].slice(0, 5) : [];
  list.forEach((w, i) => {
    const items = entries(w);
    if (!items) return;
    if (kind === "tmuxinator") {
      // `- editor: vim` or `- editor: {panes: …}`: one key that is not another tool's key.
      const others = [...WINDOW.tmuxp, ...WINDOW.smug, "name", "panes", "layout", "root"];
      if (items.length === 1 && !others.includes(String(items[0][0]))) {
        found.push(`windows[${i}] is a one-key map (${String(items[0][0])})`);
      }
      return;
    }
    for (const [k, v] of items) {
      if (WINDOW[kind].includes(String(k))) found.push(`windows[${i}].${String(k)}`);
      if (k !== "panes" || !Array.isArray(v)) continue;
      v.slice(0, 3).forEach((p, j) => {
        for (const [pk] of entries(p) ?? []) {
          if (PANE[kind].includes(String(pk))) {
            found.push(`windows[${i}].panes[${j}].${String(pk)}`);
          }
        }
      });
    }
  });
  return [...new Set(found)];
}

function entries(value: unknown): [unknown, unknown][] | undefined {
  if (value instanceof Map) return [...value.entries()];
  if (value && typeof value === "object" && !Array.isArray(value)) return Object.entries(value);
  return undefined;
}
