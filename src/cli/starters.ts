/**
 * The starter configs `rune init` writes: templates/*.yaml, imported as text so the bundle and
 * the compiled binary carry them (nothing reads the repository at run time), and the pure
 * edits that make one the user's own: project name, detect rule. Comments survive the edits
 * (only those values change in the text).
 */
import { isMap, isNode, isScalar, parseDocument } from "yaml";
import basic from "../../templates/basic.yaml" with { type: "text" };
import node from "../../templates/node.yaml" with { type: "text" };
import python from "../../templates/python.yaml" with { type: "text" };
import project from "../../templates/project.yaml" with { type: "text" };
import { STARTER_NAMES } from "./starter_names.ts";
import type { StarterName } from "./starter_names.ts";

export interface Starter {
  name: string;
  summary: string;
  text: string;
}

const BY_NAME: Record<StarterName, Omit<Starter, "name">> = {
  basic: { summary: "one project, a fetch step and a two-window tmux session", text: basic },
  node: { summary: "npm install, then editor, dev server and tests in tmux", text: node },
  python: { summary: "a virtualenv, then editor, REPL and pytest in tmux", text: python },
};

/** The starters for `rune init --template NAME`, the default (basic) first. */
export const STARTERS: readonly Starter[] = STARTER_NAMES.map((name) => ({
  name,
  ...BY_NAME[name],
}));

/** The starter of `rune init --project`: a `.rune.yaml` for the current directory. */
export const PROJECT_STARTER: Starter = {
  name: "project",
  summary: "a project's own .rune.yaml",
  text: project,
};

export function findStarter(name: string): Starter | undefined {
  return STARTERS.find((s) => s.name === name);
}

export interface Personal {
  /** The project's name (a rune project name: lowercase, `-`, `_`). */
  project?: string;
  /** The rule that recognises it, e.g. `dir:~/code/web`. */
  detect?: string;
}

/**
 * `text` (a starter) with its first project renamed and its detect rule replaced, its
 * per_project keys following the name. Pure. Only those values are replaced in the text, so
 * every comment and line stays where the starter has it.
 */
export function personalize(text: string, personal: Personal): string {
  const doc = parseDocument(text);
  const first = doc.getIn(["projects", 0], true);
  if (!isMap(first)) return text;
  const edits: [range: [number, number], replacement: string][] = [];
  const nameNode = first.get("name", true);
  const old = String(isScalar(nameNode) ? nameNode.value : "");
  if (personal.project !== undefined && personal.project !== old) {
    const name = JSON.stringify(personal.project);
    if (isScalar(nameNode) && nameNode.range) edits.push([span(nameNode.range), name]);
    for (const ritual of ["start", "stop"]) {
      const map = doc.getIn(["rituals", ritual, "per_project"], true);
      if (!isMap(map)) continue;
      for (const pair of map.items) {
        if (isScalar(pair.key) && pair.key.value === old && pair.key.range) {
          edits.push([span(pair.key.range), name]);
        }
      }
    }
  }
  const detect = first.get("detect", true);
  if (personal.detect !== undefined && isNode(detect) && detect.range) {
    edits.push([span(detect.range), `[${JSON.stringify(personal.detect)}]`]);
  }
  let out = text;
  for (const [[from, to], replacement] of edits.sort((a, b) => b[0][0] - a[0][0])) {
    out = out.slice(0, from) + replacement + out.slice(to);
  }
  return out;
}

/** A node's [start, end of its value) in the text. */
function span(range: [number, number, number]): [number, number] {
  return [range[0], range[1]];
}

/** The files of a directory that suggest a starter: package.json → node, pyproject.toml → python. */
export function guessStarter(files: ReadonlySet<string>): string {
  if (files.has("package.json")) return "node";
  if (["pyproject.toml", "setup.py", "requirements.txt"].some((f) => files.has(f))) return "python";
  return "basic";
}

/** `dir:~/code/web` for the current directory (under HOME), else `dir:/abs/path`. */
export function dirRule(cwd: string, home: string | undefined): string {
  if (home && home !== "/" && (cwd === home || cwd.startsWith(`${home}/`))) {
    return `dir:~${cwd.slice(home.length)}`;
  }
  return `dir:${cwd}`;
}
