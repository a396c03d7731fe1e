/**
 * `rune doctor`'s judgement: facts gathered by the CLI → checks with a status and a fix.
 * Pure, so every verdict is table-tested.
 */
import { noConfigHint } from "../base/mod.ts";
import { shellQuote } from "../shell/mod.ts";

export type CheckStatus = "ok" | "warn" | "fail";

export interface Check {
  name: string;
  status: CheckStatus;
  detail: string;
  /** The next action when status is not ok. */
  fix?: string;
  /** A failure that is the config's own, not something missing: doctor exits 2 for it. */
  configError?: boolean;
}

export interface PermissionFact {
  /** "read", "run:tmux", … */
  name: string;
  granted: boolean;
  /** The flag that grants it. */
  flag: string;
  /**
   * A run permission's program is on PATH (unknown: undefined). Deno grants `run` by name,
   * resolved on PATH when rune starts: a program that is not installed is never "granted",
   * and that is its absence, not a permission to add.
   */
  installed?: boolean;
}

export interface DoctorFacts {
  runeVersion: string;
  denoVersion: string;
  /** "compiled binary", "bundle dist/rune.js", "source main.ts" */
  runningAs: string;
  /** `flag`: the --config value as given, repeated in the fix so it checks the same file. */
  config:
    | { state: "loaded"; path: string; source: string; warnings: number; flag?: string }
    | { state: "invalid"; path: string; source: string; errors: number; flag?: string }
    /** Another tool's project file (tmuxinator, tmuxp, smug): the loader's problem and hint. */
    | { state: "foreign"; path: string; source: string; problem: string; hint: string }
    | { state: "missing"; wouldBe: string }
    | { state: "unchecked" };
  /** null: not on PATH; "unchecked": installed, but rune may not run it (permission missing). */
  tmux: { version: string; supported: boolean; minimum: string } | null | "unchecked";
  script: "util-linux" | "bsd" | null | "unchecked";
  permissions: PermissionFact[];
  terminal: boolean;
  insideTmux: boolean;
}

export function doctorChecks(f: DoctorFacts): Check[] {
  const checks: Check[] = [
    { name: "rune", status: "ok", detail: `${f.runeVersion} (${f.runningAs})` },
    { name: "deno", status: "ok", detail: f.denoVersion },
    configCheck(f.config),
    f.tmux === "unchecked" ? unchecked("tmux") : f.tmux === null
      ? {
        name: "tmux",
        status: "warn",
        detail: "not found on PATH",
        fix: "install tmux (apt install tmux / brew install tmux) for tmux_template and " +
          "tmux_session commands; other commands work without it",
      }
      : f.tmux.supported
      ? {
        name: "tmux",
        status: "ok",
        detail: `${f.tmux.version}${f.insideTmux ? " (inside tmux)" : ""}`,
      }
      : {
        name: "tmux",
        status: "warn",
        detail: `${f.tmux.version} is older than ${f.tmux.minimum}`,
        fix: `upgrade tmux to ${f.tmux.minimum} or later`,
      },
    f.script === "unchecked" ? unchecked("script") : f.script === null
      ? {
        name: "script",
        status: "warn",
        detail: "not found on PATH",
        fix: "install util-linux (Linux) for interactive commands without tmux",
      }
      : { name: "script", status: "ok", detail: `${f.script} flavour` },
    f.terminal ? { name: "terminal", status: "ok", detail: "stdin is a terminal" } : {
      name: "terminal",
      status: "warn",
      detail: "stdin is not a terminal: interactive steps outside tmux cannot run here",
      fix: "run rune from a terminal for interactive steps; the other steps run without one",
    },
  ];
  const missing = f.permissions.filter((p) => !p.granted && p.installed !== false);
  const absent = f.permissions.filter((p) => !p.granted && p.installed === false)
    .map((p) => p.name.replace(/^run:/, ""));
  const granted = absent.length
    ? `all granted (${absent.join(", ")}: not installed, see above)`
    : "all granted";
  checks.push(
    missing.length === 0 ? { name: "permissions", status: "ok", detail: granted } : {
      name: "permissions",
      status: "fail",
      detail: `missing: ${missing.map((p) => p.name).join(", ")}`,
      fix: `run with ${[...new Set(missing.map((p) => p.flag))].join(" ")}, or with ` +
        `rune's permission set (deno run -P)`,
    },
  );
  return checks;
}

function unchecked(program: string): Check {
  return {
    name: program,
    status: "warn",
    detail: `not checked: rune may not run ${program}`,
    fix: `grant --allow-run=${program} (see permissions below)`,
  };
}

function configCheck(c: DoctorFacts["config"]): Check {
  const validate = (flag?: string) =>
    `see them with: rune config validate${flag ? ` -c ${shellQuote(flag)}` : ""}`;
  switch (c.state) {
    case "loaded":
      return {
        name: "config",
        status: c.warnings ? "warn" : "ok",
        detail: `${c.path} (${c.source})${c.warnings ? `, ${c.warnings} warning(s)` : ""}`,
        fix: c.warnings ? validate(c.flag) : undefined,
      };
    case "invalid":
      return {
        name: "config",
        status: "fail",
        detail: `${c.path} (${c.source}) has ${c.errors} error(s)`,
        fix: validate(c.flag),
      };
    case "foreign":
      return {
        name: "config",
        status: "fail",
        detail: `${c.problem} (${c.source})`,
        fix: c.hint,
        configError: true,
      };
    case "unchecked":
      return {
        name: "config",
        status: "warn",
        detail: "not checked: finding it needs the read and env permissions",
        fix: "grant them (see permissions below)",
      };
    case "missing":
      return {
        name: "config",
        status: "fail",
        detail: "no config file found",
        fix: noConfigHint(c.wouldBe),
      };
  }
}

/**
 * 0 when nothing failed, 2 when the config is another tool's file (a config error), else 3
 * when something rune needs is missing (exit codes in DESIGN.md).
 */
export function doctorExitCode(checks: readonly Check[]): 0 | 2 | 3 {
  const failed = checks.filter((c) => c.status === "fail");
  if (!failed.length) return 0;
  return failed.every((c) => c.configError) ? 2 : 3;
}
