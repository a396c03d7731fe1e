/**
 * The Plan as text for people (`--dry-run`). Pure: Plan → lines. `--json` prints the Plan
 * object itself, so both show exactly what the executors get. Every value shows its control
 * characters (`visible`); a command of several lines keeps them, indented under its `$`.
 */
import { formatDuration, shortenValue, visible } from "../base/mod.ts";
import type { Colors } from "../base/mod.ts";
import type { Plan, SessionLayout, Step } from "../contract/mod.ts";
import { readinessLines, waitForLine } from "./readiness_text.ts";

/** Longest command or value shown whole; `--json` keeps every value whole. */
const SHOWN_MAX = 1000;
const shown = (value: string) => shortenValue(value, SHOWN_MAX);

export interface FormatOptions {
  colors: Colors;
  /** Shortens paths under HOME to ~ for reading; JSON keeps them whole. */
  home?: string;
  /** Extra lines for a tmux step (its exact argv), supplied by the tmux layer. */
  describeTmux?: (step: Extract<Step, { kind: "tmux" }>) => string[];
}

export function formatPlan(plan: Plan, options: FormatOptions): string[] {
  const { colors: c } = options;
  const tilde = (p: string) =>
    visible(
      options.home && (p === options.home || p.startsWith(`${options.home}/`))
        ? `~${p.slice(options.home.length)}`
        : p,
    );
  const v = (text: string) => visible(text);
  const out: string[] = [];
  out.push(
    `${c.bold(`rune ${plan.ritual}`)} · project ${c.cyan(v(plan.project.name))} ` +
      `(${tilde(plan.project.dir)}; ${v(plan.project.detectedBy)})`,
  );
  out.push(c.dim(`config ${tilde(plan.configFile)}`));
  if (plan.envRemoved.length) {
    out.push(
      c.dim(
        `env: ${plan.envRemoved.length} variable(s) withheld from every command: ` +
          plan.envRemoved.map(v).join(", "),
      ),
    );
  }
  if (!plan.steps.length) {
    out.push("", `no commands in the ${plan.ritual} ritual for "${v(plan.project.name)}"`);
    return out;
  }
  const width = String(plan.steps.length).length;
  for (const step of plan.steps) {
    out.push("");
    const tags = [step.scope, ...(step.optional ? ["optional"] : []), kindTag(step)];
    out.push(
      `${String(step.id).padStart(width)}. ${c.bold(v(step.name))}  ` +
        c.dim(`[${tags.join(", ")}]`),
    );
    const indent = " ".repeat(width + 2);
    if (step.waitFor?.length) out.push(`${indent}${waitForLine(step.waitFor)}`);
    for (const line of stepDetails(step, tilde, options)) out.push(`${indent}${line}`);
  }
  return out;
}

function kindTag(step: Step): string {
  switch (step.kind) {
    case "shell":
      return "command";
    case "background":
      return "background";
    case "pty":
      return "interactive: terminal";
    case "tmux":
      return step.layout
        ? `interactive: tmux template ${visible(step.layout.template)}`
        : "interactive: tmux session";
  }
}

function stepDetails(
  step: Step,
  tilde: (p: string) => string,
  options: FormatOptions,
): string[] {
  const env = Object.keys(step.env);
  const envLine = env.length
    ? [`env ${env.map((k) => visible(`${k}=${shown(step.env[k])}`)).join(" ")}`]
    : [];
  switch (step.kind) {
    case "shell":
      return [
        ...commandLines(step.command),
        `in ${tilde(step.cwd)} · ${
          step.timeoutMs === null ? "no timeout" : `timeout ${formatDuration(step.timeoutMs)}`
        }`,
        ...envLine,
      ];
    case "background":
      return [
        ...commandLines(step.command),
        `in ${tilde(step.cwd)} · log ${tilde(step.logFile)}`,
        ...envLine,
      ];
    case "pty":
      return [
        ...commandLines(step.command),
        `in ${tilde(step.cwd)} · in a terminal, no timeout`,
        ...envLine,
      ];
    case "tmux": {
      const lines = step.layout ? layoutLines(step.layout, tilde) : [
        `session ${visible(step.session)}: a new window runs`,
        ...commandLines(step.command ?? ""),
      ];
      const tmux = (options.describeTmux?.(step) ?? []).map((l) => visible(l));
      return [...lines, ...envLine, ...tmux];
    }
  }
}

/** `$ command`, its further lines indented under the first; control characters shown. */
function commandLines(command: string): string[] {
  const [first, ...rest] = visible(shown(command), { keepNewlines: true }).split("\n");
  return [`$ ${first}`, ...rest.map((l) => `  ${l}`)];
}

/** `A=1 B=x` of the entries of `map` that `under` does not already have. */
function pairs(map: Record<string, string> | undefined, under: Record<string, string> = {}) {
  return Object.entries(map ?? {}).filter(([k, value]) => under[k] !== value)
    .map(([k, value]) => visible(`${k}=${shown(value)}`)).join(" ");
}

function layoutLines(layout: SessionLayout, tilde: (p: string) => string): string[] {
  const v = (text: string) => visible(text);
  const out = [
    `session ${v(layout.session)} in ${tilde(layout.dir)}` +
    (layout.attach === false ? " · left detached (attach: false)" : ""),
  ];
  for (const b of layout.before) out.push(`before: $ ${v(shown(b))}`);
  for (const b of layout.onFirstStart ?? []) out.push(`on first start: $ ${v(shown(b))}`);
  for (const b of layout.onReuse ?? []) out.push(`on reuse: $ ${v(shown(b))}`);
  if (layout.env) out.push(`session env ${pairs(layout.env)}`);
  if (layout.options) out.push(`session options ${pairs(layout.options)}`);
  layout.windows.forEach((w, wi) => {
    const attrs = [
      w.layout ? `layout ${v(w.layout)}` : "",
      w.dir !== layout.dir ? `in ${tilde(w.dir)}` : "",
      w.focus ? "focused" : "",
      w.synchronize ? `synchronized ${w.synchronize} typing` : "",
      w.options ? `options ${pairs(w.options)}` : "",
    ].filter(Boolean);
    out.push(
      `window ${wi + 1} ${w.name === undefined ? "(unnamed)" : v(w.name)}` +
        (attrs.length ? ` · ${attrs.join(" · ")}` : ""),
    );
    w.panes.forEach((p, pi) => {
      const env = pairs(p.env, layout.env);
      const extra = [
        p.dir !== w.dir ? `in ${tilde(p.dir)}` : "",
        p.exec ? "as the pane's process" : "",
        p.shell !== undefined ? `typed into ${v(shown(p.shell))}` : "",
        p.title !== undefined ? `title ${JSON.stringify(v(p.title))}` : "",
        env ? `env ${env}` : "",
        p.focus ? "focused" : "",
      ].filter(Boolean);
      const cmds = p.commands.length ? p.commands.map((c) => v(shown(c))).join(" ⏎ ") : "(shell)";
      out.push(`  pane ${pi + 1}: ${cmds}${extra.length ? `  (${extra.join(", ")})` : ""}`);
    });
  });
  if (layout.readiness) out.push(...readinessLines(layout.readiness));
  return out;
}
