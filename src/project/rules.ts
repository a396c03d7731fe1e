/**
 * Rune's `projects[].detect` strings, parsed once into data the decision can apply. Pure.
 * detect.ts describes the forms and what each one means.
 */
import { expandHome, warningIssue } from "../base/mod.ts";
import { escapeRegex, globMatcher, hasGlobChars, valueKind } from "./glob.ts";
import { normalizePath } from "./paths.ts";
import type { Issue } from "../base/mod.ts";
import type { ProjectSpec } from "../config/mod.ts";

/** A name or path pattern: `*` `?` `[…]` `{a,b}`; "**" (whole segment) spans segments. */
export type SegmentPattern = RegExp | "**";

/** A file or directory looked for in the project dir: `package.json`, `ios/`, `README*`. */
export interface EntryRule {
  kind: "entry";
  text: string;
  /** Relative path without a trailing "/"; only its last segment may hold glob characters. */
  path: string;
  /** The rule ended in "/": only a directory matches. */
  dirOnly: boolean;
  /** Matcher for the last segment when it is a glob. */
  glob?: RegExp;
}

/** `dir:PATH`, a bare `/abs` or `~/path`, or a path starting with a `*` segment: a place. */
export interface LocationRule {
  kind: "location";
  text: string;
  /** Absolute and literal (no glob): the path, normalized and with `~` expanded. */
  path?: string;
  /** Otherwise, one pattern per path segment, matched from the root when `anchored`. */
  segments: SegmentPattern[];
  anchored: boolean;
}

/** `git:NAME`: the git root's directory name. */
export interface GitRule {
  kind: "git";
  text: string;
  matches(name: string): boolean;
}

/** `git-remote:PATTERN`: some remote URL of the repository. */
export interface GitRemoteRule {
  kind: "git-remote";
  text: string;
  matches(url: string): boolean;
}

/** `env:VAR` (set and non-empty) or `env:VAR=value` (exactly that value). */
export interface EnvRule {
  kind: "env";
  text: string;
  name: string;
  value?: string;
}

export type DetectRule = EntryRule | LocationRule | GitRule | GitRemoteRule | EnvRule;

export type ParsedRule = { ok: true; rule: DetectRule } | {
  ok: false;
  problem: string;
  hint: string;
};

const PREFIX = /^([A-Za-z][A-Za-z0-9_-]*):(.*)$/s;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KNOWN =
  "file names and globs, dir:PATH, git:NAME, git-remote:PATTERN, env:VAR, env:VAR=value";

/**
 * Parses one detect string. `home` expands `~` and is the base of relative `dir:` paths.
 * A malformed rule (`env:` without a name, an unknown `prefix:`, a bad regular expression)
 * comes back as a problem the caller reports as a "bad-detect-rule" warning.
 */
export function parseDetectRule(text: string, home: string | undefined): ParsedRule {
  if (text.trim() === "") return bad("it is empty", `Remove it, or write one of: ${KNOWN}`);
  const prefixed = text.match(PREFIX);
  if (prefixed) {
    const [, prefix, value] = prefixed;
    switch (prefix.toLowerCase()) {
      case "dir":
        return parseLocation(text, value, home, true);
      case "git":
        return parseNameRule(text, value, "git");
      case "git-remote":
        return parseNameRule(text, value, "git-remote");
      case "env":
        return parseEnv(text, value);
      default:
        return bad(
          `"${prefix}:" is not a rule prefix`,
          `Use dir:, git:, git-remote: or env:, or write "./${text}" for a file of that name`,
        );
    }
  }
  if (text.startsWith("/") || text === "~" || text.startsWith("~/")) {
    return parseLocation(text, text, home, false);
  }
  if (/^\*\*?\//.test(text)) return parseLocation(text, text, home, false);
  return parseEntry(text);
}

function parseEntry(text: string): ParsedRule {
  const dirOnly = text.endsWith("/");
  const path = normalizePath(text);
  if (path === "." || path.split("/").includes("..")) {
    return bad("it leaves the project directory", "Name a file or directory inside the project");
  }
  const segments = path.split("/");
  if (segments.slice(0, -1).some(hasGlobChars)) {
    return bad(
      "only the last part of a file rule may be a glob",
      "Write the directories literally (docs/*.md), or use dir:PATH for places",
    );
  }
  const last = segments[segments.length - 1];
  const glob = hasGlobChars(last) ? globMatcher(last) : undefined;
  return { ok: true, rule: { kind: "entry", text, path, dirOnly, glob } };
}

function parseLocation(
  text: string,
  value: string,
  home: string | undefined,
  prefixed: boolean,
): ParsedRule {
  if (value.trim() === "") {
    return bad("it has no path", "Write dir:~/code/web, dir:/srv/app or dir:*/web-app");
  }
  const unanchored = /^\*\*?(\/|$)/.test(value);
  let path = value.replace(/^\*\*?(\/|$)/, "");
  if (!unanchored) {
    if ((value === "~" || value.startsWith("~/")) && !home) {
      return bad('HOME is not set, so "~" means nothing', "Write the path without ~");
    }
    path = expandHome(path, { HOME: home });
    if (!path.startsWith("/")) {
      if (!prefixed || !home) return bad("the path is relative", "Start it with / or ~/");
      path = `${home}/${path}`;
    }
  }
  // `*/web-app/*` (Rune's telemetry example) reads as "at or inside a web-app directory": the
  // trailing /* would otherwise demand a subdirectory. Anchored `dir:~/clients/*` keeps it, so
  // the client's own directory becomes the ProjectDir.
  if (unanchored) path = path.replace(/(\/\*\*?)+\/?$/, "").replace(/^\*\*?$/, "");
  const normalized = unanchored
    ? path.split("/").filter((s) => s && s !== ".").join("/")
    : normalizePath(path);
  if (!unanchored && !hasGlobChars(normalized)) {
    return {
      ok: true,
      rule: { kind: "location", text, path: normalized, segments: [], anchored: true },
    };
  }
  const segments: SegmentPattern[] = normalized.split("/").filter(Boolean).map((s) =>
    s === "**" ? "**" : globMatcher(s)
  );
  if (unanchored && segments.length === 0) {
    return bad("it matches every directory", "Name a directory: */web-app/*");
  }
  return { ok: true, rule: { kind: "location", text, segments, anchored: !unanchored } };
}

function parseNameRule(text: string, value: string, kind: "git" | "git-remote"): ParsedRule {
  if (value === "") {
    return bad(
      "it has no pattern",
      kind === "git"
        ? "Write git:NAME, the repository's directory name"
        : "Write git-remote:github.com/OWNER/REPO",
    );
  }
  const how = valueKind(value);
  let re: RegExp;
  try {
    // git: names match whole; a git-remote: regex or literal may match part of the URL.
    if (how === "regex") re = new RegExp(kind === "git" ? `^(?:${value})$` : value, "i");
    else if (how === "glob") re = globMatcher(value, { anyChar: true, flags: "i" });
    else re = new RegExp(kind === "git" ? `^${escapeRegex(value)}$` : escapeRegex(value), "i");
  } catch (e) {
    return bad(
      `"${value}" is not a valid regular expression (${(e as Error).message})`,
      "Fix the pattern, or escape the character with \\",
    );
  }
  const matches = (s: string) => re.test(s);
  return { ok: true, rule: { kind, text, matches } };
}

function parseEnv(text: string, value: string): ParsedRule {
  const eq = value.indexOf("=");
  const name = eq < 0 ? value : value.slice(0, eq);
  if (!ENV_NAME.test(name)) {
    return bad(
      name === "" ? "it names no variable" : `"${name}" is not a variable name`,
      "Write env:VAR (set and non-empty) or env:VAR=value",
    );
  }
  return {
    ok: true,
    rule: { kind: "env", text, name, value: eq < 0 ? undefined : value.slice(eq + 1) },
  };
}

function bad(why: string, hint: string): ParsedRule {
  return { ok: false, problem: why, hint };
}

/** Every project's rules parsed, with a "bad-detect-rule" warning for each malformed one. */
export function compileDetectRules(
  projects: readonly ProjectSpec[],
  home: string | undefined,
): { rules: DetectRule[][]; warnings: Issue[] } {
  const warnings: Issue[] = [];
  const rules = projects.map((project, i) =>
    (project.detect ?? []).flatMap((text, j) => {
      const parsed = parseDetectRule(text, home);
      if (parsed.ok) return [parsed.rule];
      warnings.push(warningIssue(
        "bad-detect-rule",
        `Cannot use detect rule "${text}" of project "${project.name}" (projects[${i}].detect[${j}]): ${parsed.problem}`,
        { hint: parsed.hint },
      ));
      return [];
    })
  );
  return { rules, warnings };
}
