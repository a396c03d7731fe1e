/**
 * Mutated configs for the fuzzing area, made by npm:fast-check from a seed: a valid base config
 * (projects, start and stop rituals, background and tmux steps, templates, settings) whose every
 * command creates a marker file under MARK, then 1–4 mutations of its tree (a key deleted,
 * renamed or added, a value of another type or a hostile one) and of its text (lines deleted,
 * repeated, swapped or re-indented, tabs, quotes, YAML tags and aliases, a truncated file, raw
 * bytes: NUL, 0xFF, ESC, a BOM, bidi). The result is bytes, written as the config.
 */
import fc from "fast-check";
import { stringify } from "yaml";

export interface Mutated {
  bytes: Uint8Array;
  mutations: string[];
}

function base(mark: string) {
  const command = fc.nat(99_999).map((n) => `touch ${mark}/ran-${n}`);
  const duration = fc.constantFrom("30s", "2m", "1h30m", 10, 0);
  const env = fc.dictionary(fc.constantFrom("A", "B_C", "LANG"), fc.constantFrom("1", "x y", ""));
  const step = fc.record({
    name: fc.constantFrom("Build", "Check CI/CD", "dev server", "it's"),
    command,
    optional: fc.boolean(),
    background: fc.boolean(),
    timeout: duration,
    working_dir: fc.constantFrom(".", "sub", "~"),
    env,
  }, { requiredKeys: ["name", "command"] });
  const tmuxStep = fc.record({
    name: fc.constant("workspace"),
    interactive: fc.constant(true),
    optional: fc.constant(true),
    tmux_template: fc.constantFrom("t0", "t1"),
  });
  const pane = fc.oneof(
    fc.constant(null),
    command.map((c) => ({ command: c, exec: true })),
    fc.record({ command, dir: fc.constantFrom("sub", "."), title: fc.constantFrom("t", "#[x]") }),
  );
  const window = fc.record({
    name: fc.constantFrom("editor", "logs", "a:b"),
    layout: fc.constantFrom("tiled", "main-vertical", "even-horizontal"),
    panes: fc.array(pane, { minLength: 1, maxLength: 3 }),
  }, { requiredKeys: ["panes"] });
  const template = fc.record({
    session_name: fc.constantFrom("s-{{.Project}}", "dev", "{{.Project}}-x"),
    attach: fc.constant(false),
    pre_window: command,
    before: fc.array(command, { maxLength: 2 }),
    on_first_start: fc.array(command, { maxLength: 1 }),
    env,
    windows: fc.array(window, { minLength: 1, maxLength: 2 }),
  }, { requiredKeys: ["session_name", "windows", "attach"] });
  const steps = fc.array(fc.oneof({ weight: 4, arbitrary: step }, tmuxStep), { maxLength: 3 });
  return fc.record({
    version: fc.constant(1),
    settings: fc.record({
      timeout: duration,
      env: fc.record({ allow: fc.constant(["A*"]), deny: fc.constant(["B_*"]) }),
      tracking: fc.constant({ on_switch: "stop" }),
    }, { requiredKeys: [] }),
    projects: fc.constant([{ name: "web", detect: ["marker.txt"] }]),
    rituals: fc.record({
      start: fc.record({ global: steps, per_project: fc.record({ web: steps }) }),
      stop: fc.record({ global: steps }),
      templates: fc.record({ t0: template, t1: template }),
    }),
  }, { requiredKeys: ["rituals", "projects"] });
}

const HOSTILE_VALUES: unknown[] = [
  42,
  -1,
  3.5,
  true,
  null,
  [],
  {},
  "",
  "x".repeat(300),
  "$(touch pwned)",
  { deep: { deeper: [1] } },
  "{{.Nope}}",
  "{{ .Project",
  "10 minutes",
  "${{x}}",
  "../../etc",
  "a\u0000b",
  "\u001b[8m",
];

type Tree = Record<string, unknown> | unknown[];

/** Every path to a value in the tree. */
function paths(node: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (node === null || typeof node !== "object") return [at];
  const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
  return [at, ...keys.flatMap((k) => paths((node as Record<string, unknown>)[k], [...at, k]))];
}

function parentOf(tree: Tree, path: (string | number)[]) {
  let node: unknown = tree;
  for (const k of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[k];
  return node as Record<string | number, unknown>;
}

const treeMutation = fc.record({
  kind: fc.constantFrom("delete", "retype", "rename", "add"),
  pick: fc.nat(),
  value: fc.constantFrom(...HOSTILE_VALUES),
  key: fc.constantFrom("interactve", "tmux_templte", "surprise", "NAME", "panes", "command"),
});

type TreeMutation = typeof treeMutation extends fc.Arbitrary<infer T> ? T : never;

function applyTree(tree: Tree, m: TreeMutation): string {
  const all = paths(tree).filter((p) => p.length > 0);
  const path = all[m.pick % all.length];
  const parent = parentOf(tree, path);
  const last = path[path.length - 1];
  switch (m.kind) {
    case "delete":
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case "retype":
      parent[last] = m.value;
      break;
    case "rename":
      if (!Array.isArray(parent)) {
        parent[m.key] = parent[last];
        delete parent[last];
      }
      break;
    case "add":
      if (!Array.isArray(parent)) parent[m.key] = m.value;
      break;
  }
  return `${m.kind} ${path.join(".")}`;
}

const textMutation = fc.record({
  kind: fc.constantFrom(
    "line-delete",
    "line-dup",
    "line-swap",
    "indent",
    "tab",
    "quote",
    "tag",
    "alias",
    "truncate",
    "bytes",
  ),
  pick: fc.nat(),
  other: fc.nat(),
  what: fc.constantFrom(
    "!shell ",
    "!!python/object/apply:os.system ",
    "!!js/function ",
    "*nope ",
    "&a ",
    '"',
    "'",
    "{",
    "[",
  ),
  byte: fc.constantFrom([0], [0xff], [0x1b], [0xef, 0xbb, 0xbf], [0xe2, 0x80, 0xae], [0xc3]),
});

type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function applyText(bytes: Uint8Array, m: TextMutation): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const lines = text.split("\n");
  const i = m.pick % lines.length;
  const j = m.other % lines.length;
  const enc = (s: string) => new TextEncoder().encode(s);
  switch (m.kind) {
    case "line-delete":
      lines.splice(i, 1);
      return enc(lines.join("\n"));
    case "line-dup":
      lines.splice(i, 0, lines[i]);
      return enc(lines.join("\n"));
    case "line-swap":
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return enc(lines.join("\n"));
    case "indent":
      lines[i] = " ".repeat(1 + (m.other % 3)) + lines[i];
      return enc(lines.join("\n"));
    case "tab":
      lines[i] = lines[i].replace(/^ {1,2}/, "\t");
      return enc(lines.join("\n"));
    case "quote":
    case "tag":
    case "alias": {
      const at = lines[i].indexOf(": ");
      const col = at >= 0 ? at + 2 : m.other % (lines[i].length + 1);
      lines[i] = lines[i].slice(0, col) + m.what + lines[i].slice(col);
      return enc(lines.join("\n"));
    }
    case "truncate":
      return bytes.slice(0, m.pick % (bytes.length + 1));
    case "bytes": {
      const at = m.pick % (bytes.length + 1);
      return new Uint8Array([...bytes.slice(0, at), ...m.byte, ...bytes.slice(at)]);
    }
  }
  return bytes;
}

/** A base config and its mutations, as an arbitrary (for fc.assert) over MARK. */
export function mutatedConfig(mark: string): fc.Arbitrary<Mutated> {
  return fc.tuple(
    base(mark),
    fc.array(treeMutation, { maxLength: 2 }),
    fc.array(textMutation, { maxLength: 2 }),
  ).filter(([, t, x]) => t.length + x.length > 0).map(([config, trees, texts]) => {
    const tree = structuredClone(config) as Tree;
    const mutations = trees.map((m) => applyTree(tree, m));
    let bytes: Uint8Array = new TextEncoder().encode(stringify(tree));
    for (const m of texts) {
      bytes = applyText(bytes, m);
      mutations.push(m.kind);
    }
    return { bytes, mutations };
  });
}

/** Text mutations of an existing file (tmuxinator, tmuxp, a .rune.yaml). */
export function mutatedText(text: string): fc.Arbitrary<Mutated> {
  return fc.array(textMutation, { minLength: 1, maxLength: 3 }).map((texts) => {
    let bytes: Uint8Array = new TextEncoder().encode(text);
    for (const m of texts) bytes = applyText(bytes, m);
    return { bytes, mutations: texts.map((m) => m.kind) };
  });
}
