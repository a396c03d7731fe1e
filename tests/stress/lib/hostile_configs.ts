/**
 * Configs that carry hostile values into every place a value lands: a command in each quoting
 * context (bare, '…', "…", $(…)), a background command, and a tmux template whose every field
 * holds the value (session and window names, `before`, `on_first_start`, `on_reuse`,
 * `pre_window`, `pre`, a typed pane, an `exec` pane, a pane `dir`, `title`, `env`, `options`,
 * `window_options`). The value reaches them through a placeholder (`{{.Var.hN}}`,
 * `{{.Env.HN}}`, `{{.Project}}`, `{{.ProjectDir}}`); commands write what they received with
 * `printf %s` into OUT, so a value that arrives altered is seen as well as one that runs.
 */

/** A YAML scalar holding `s` exactly (JSON strings are YAML double-quoted scalars). */
export const y = (s: string) => JSON.stringify(s);

/** Where each landing writes what it received, relative to OUT. */
export const SHELL_LANDINGS = [
  "cmd",
  "sq",
  "dq",
  "sub",
  "bg",
  "before",
  "first",
  "prewin",
  "pre",
  "pane",
  "exec",
] as const;

export interface Slot {
  /** The placeholder, e.g. `{{.Var.h3}}`. */
  ph: string;
  /** A suffix that keeps this slot's files, sessions and templates apart. */
  id: string;
  /** Whether the pane's `dir` can hold the value (a directory `d<value>` was made). */
  dir: boolean;
  /** Only the typed landings (a 5,000-character value in every field would pass tmux's limit). */
  lean?: boolean;
}

/** The steps and the template of one slot. */
function slot(s: Slot, out: string): { steps: string[]; template: string[] } {
  const w = (what: string) => `printf '%s' ${s.ph} > ${out}/${what}-${s.id}`;
  const steps = [
    `      - {name: ${y(`cmd ${s.id}`)}, command: ${y(w("cmd"))}}`,
    `      - {name: ${y(`sq ${s.id}`)}, command: ${
      y(`printf '%s' '${s.ph}' > ${out}/sq-${s.id}`)
    }}`,
    `      - {name: ${y(`dq ${s.id}`)}, command: ${
      y(`printf '%s' "${s.ph}" > ${out}/dq-${s.id}`)
    }}`,
    `      - {name: ${y(`sub ${s.id}`)}, command: ${
      y(`printf '%s' "$(printf '%s' ${s.ph})" > ${out}/sub-${s.id}`)
    }}`,
    `      - {name: ${y(`bg ${s.id}`)}, command: ${y(w("bg"))}, background: true}`,
    `      - {name: ${y(`ws ${s.id}`)}, interactive: true, tmux_template: ${y(`t${s.id}`)}}`,
  ];
  const template = [
    `    t${s.id}:`,
    `      session_name: ${y(`v${s.id}-${s.ph}`)}`,
    `      attach: false`,
    `      before: [${y(w("before"))}]`,
    `      on_first_start: [${y(w("first"))}]`,
    `      on_reuse: [${y(w("reuse"))}]`,
    `      pre_window: ${y(w("prewin"))}`,
    ...(s.lean ? [] : [
      `      options: {"@hv": ${y(s.ph)}}`,
      `      window_options: {"@wv": ${y(s.ph)}}`,
      `      env: {HV: ${y(s.ph)}}`,
    ]),
    `      windows:`,
    `        - name: ${y(`w${s.ph}`)}`,
    `          pre: ${y(w("pre"))}`,
    `          panes:`,
    `            - {command: ${y(w("pane"))}${s.lean ? "" : `, title: ${y(s.ph)}`}${
      s.dir ? `, dir: ${y(`d${s.ph}`)}` : ""
    }}`,
    ...(s.lean
      ? []
      : [`            - {command: ${y(`${w("exec")}; exec sleep 300`)}, exec: true}`]),
  ];
  return { steps, template };
}

/** A whole config: every slot's steps under rituals.start.global and its template. */
export function landingConfig(slots: Slot[], out: string, extra = ""): string {
  const parts = slots.map((s) => slot(s, out));
  return [
    extra,
    "rituals:",
    "  start:",
    "    global:",
    ...parts.flatMap((p) => p.steps),
    "  templates:",
    ...parts.flatMap((p) => p.template),
    "",
  ].join("\n");
}

/**
 * Names from the config itself: the project, its per_project key and template name hold the
 * value (identifiers: refused when they cannot name a file), or the step name, session_name and
 * window name do (labels), with a literal title, env value and options value.
 */
export function namesConfig(value: string, kind: "identifiers" | "labels", out: string): string {
  if (kind === "identifiers") {
    return [
      "settings: {tracking: {on_switch: stop}}",
      "projects:",
      `  - name: ${y(value)}`,
      "rituals:",
      "  start:",
      "    per_project:",
      `      ${y(value)}:`,
      `        - {name: step, command: "printf '%s' {{.Project}} > ${out}/project"}`,
      `        - {name: ws, interactive: true, tmux_template: ${y(value)}}`,
      "  templates:",
      `    ${y(value)}:`,
      "      session_name: named",
      "      attach: false",
      "      windows: [{name: w, panes: [null]}]",
      "",
    ].join("\n");
  }
  return [
    "settings: {tracking: {on_switch: stop}}",
    "projects: [{name: web}]",
    "rituals:",
    "  start:",
    "    per_project:",
    "      web:",
    `        - {name: ${y(value)}, command: "printf '%s' ok > ${out}/label"}`,
    `        - {name: ${y(`bg ${value}`)}, command: "true", background: true}`,
    `        - {name: ws, interactive: true, tmux_template: t}`,
    "  templates:",
    "    t:",
    `      session_name: ${y(`n${value}`)}`,
    "      attach: false",
    `      env: {HV: ${y(value)}}`,
    `      options: {"@hv": ${y(value)}}`,
    "      windows:",
    `        - {name: ${y(value)}, panes: [{command: "true", title: ${y(value)}}]}`,
    "",
  ].join("\n");
}
