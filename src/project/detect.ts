/**
 * Which project a ritual runs for: gathers the facts around the cwd (gather.ts) and decides
 * (decide.ts, pure). Needs --allow-read on the cwd, its parents and the `.git` they lead to;
 * a missing read permission is thrown (NotCapable), never turned into a guess.
 *
 * Order — the first that gives a name wins:
 * 1. The argument (`rune start NAME`). A configured project (projects[] name, compared without
 *    case, or equal once both are sanitized) keeps its configured name, lowercased. Its dir:
 *    the project's `dir` key; else where one of its rules holds from the cwd; else its first
 *    literal `dir:` path; else the cwd. A per_project key not under projects[]: that name, the
 *    cwd. A name close to a configured one (a typo, as `suggest` judges) is an error with the
 *    did-you-mean ("unknown-project"). Any other name still runs the global rituals,
 *    sanitized, with detectedBy `UNCONFIGURED_ARGUMENT` so the caller can warn.
 * 2. projects[].detect, projects in config order, each project's rules in order; the first
 *    rule that holds names the project (configured name, lowercased) and its directory (unless
 *    the project has a `dir` key, which always wins).
 * 3. The nearest manifest that declares a name: package.json and deno.json(c) `name` (an
 *    `@scope/` dropped), go.mod `module` (last element, a /vN suffix dropped), Cargo.toml
 *    [package] name, pyproject.toml [project] or [tool.poetry] name. Its directory is the dir.
 * 4. The git root's directory name (the work tree's, also in a linked worktree); the root.
 * 5. The cwd's name; the cwd.
 * A detected name equal to a configured one once sanitized takes the configured spelling.
 *
 * Rule forms:
 * - `package.json`, `ios/` (trailing "/": a directory), `README*`, `*.md`, `*`, `docs/*.md`:
 *   looked for in the cwd, then each parent up to the git root (the cwd alone outside git;
 *   never HOME or above unless the cwd is HOME). The directory where it is found is the dir.
 *   Globs as in sh: `* ? [..] {a,b}`, case-sensitive, `*` skips dotfiles, glob only in the
 *   last path segment.
 * - `dir:PATH`, or a bare `/abs/path` or `~/path`: the cwd is PATH or inside it; the dir is
 *   PATH. `~` is HOME; a relative PATH is relative to HOME. Symlinks: the shell's $PWD and the
 *   real path of PATH are tried too. Globs per segment (`dir:~/clients/*`: the matching client
 *   directory is the dir; `**` spans segments). A PATH that does not exist simply never holds.
 * - A rule whose first segment is `*` or `**` and has more segments (Rune's telemetry
 *   example: star, "/web-app/", star): the cwd is at or inside a directory named web-app
 *   anywhere; the nearest such directory is the dir.
 * - `git:NAME`: the git root's directory name (or, in a linked worktree, the main checkout's)
 *   is NAME, compared without case. `git-remote:PATTERN`: some remote url/pushurl in the
 *   repository's config contains PATTERN, also tried on the host/path form
 *   (`git@github.com:acme/web.git` → `github.com/acme/web`). The dir is the git root. A value
 *   with regex-only syntax (`.*`, `.+`, `^ $ ( ) | + \`) is a regular expression (`git:` whole
 *   name, `git-remote:` anywhere in the URL) — `git:.*` from `rune init` is any repository;
 *   else one with `* ? [ {` is a glob over the whole value (`*` spans "/"); else a literal,
 *   so `git:next.js` is just that name.
 * - `env:VAR` (set and not empty) and `env:VAR=value` (exactly). The dir is the git root,
 *   else the cwd.
 * - A malformed rule (`env:`, `dir:`, an unknown `prefix:`, a bad regex, `../x`) is skipped
 *   with a "bad-detect-rule" warning; it is never fatal.
 *
 * Names are lowercased; runs of characters outside [a-z0-9_-] become one "-", accents are
 * dropped, "-" trimmed, at most 64 characters; an empty detected name becomes "project". An
 * argument that sanitizes to nothing and names no configured project is an error
 * ("bad-project-name").
 */
import { err, ok } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import type { ProjectSpec } from "../config/mod.ts";
import type { ProjectInfo } from "../contract/mod.ts";
import { gatherProjectFacts } from "./gather.ts";
import { decideProject } from "./decide.ts";

export { UNCONFIGURED_ARGUMENT } from "./decide.ts";

export interface FindProjectOptions {
  /** The [project] argument of `rune start|stop`. */
  argument?: string;
  projects: readonly ProjectSpec[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Names under rituals.start/stop.per_project that are not in projects[]: an argument naming one is not "unconfigured". */
  knownNames?: readonly string[];
  /** Receives each "bad-detect-rule" warning (malformed rules are skipped, never fatal). */
  onWarning?: (issue: Issue) => void;
}

/**
 * The project for `options.cwd`, by the rules above. Fails when the argument names no
 * configured project and has no usable character ("bad-project-name") or is close to a
 * configured name ("unknown-project").
 */
export async function findProject(
  options: FindProjectOptions,
): Promise<Result<ProjectInfo, Issue[]>> {
  const facts = await gatherProjectFacts(options);
  const decided = decideProject(facts, options.projects, {
    argument: options.argument,
    knownNames: options.knownNames,
  });
  if (!decided.ok) return err(decided.error);
  for (const warning of decided.value.warnings) options.onWarning?.(warning);
  return ok(decided.value.project);
}
