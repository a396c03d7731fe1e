/**
 * Reads and validates the config: YAML (with positions) → zod schema → semantic checks.
 * Collects every problem before returning; each issue names file:line:col.
 */
import { isNode, LineCounter, parseDocument } from "yaml";
import type { Document } from "yaml";
import { ConfigSchema } from "./schema.ts";
import type { Config } from "./schema.ts";
import { configCandidates } from "./locate.ts";
import type { ConfigCandidate } from "./locate.ts";
import { err, errorIssue, hasErrors, ok } from "../result.ts";
import type { Issue, Location, Result } from "../result.ts";

export type ConfigPath = readonly (string | number)[];

export interface LoadedConfig {
  file: string;
  config: Config;
  /** Problems that still allow running (unknown keys, …). */
  warnings: Issue[];
  /** Where a value sits in the file (the key's value, or the nearest parent that exists). */
  locate(path: ConfigPath): Location | undefined;
}

export type LoadFailure =
  | { kind: "not-found"; tried: ConfigCandidate[] }
  | { kind: "unreadable"; file: string; message: string }
  | { kind: "invalid"; file: string; issues: Issue[] };

export interface LoadOptions {
  /** --config value */
  flag?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  strict?: boolean;
}

/** Finds, reads and parses the config. Needs --allow-read on the candidate paths. */
export async function loadConfig(options: LoadOptions): Promise<Result<LoadedConfig, LoadFailure>> {
  const tried = configCandidates(options.flag, options.env, options.cwd);
  for (const candidate of tried) {
    let text: string;
    try {
      text = await Deno.readTextFile(candidate.path);
    } catch (e) {
      if (e instanceof Deno.errors.NotFound && !candidate.explicit) continue;
      if (e instanceof Deno.errors.NotFound) break;
      if (e instanceof Deno.errors.NotCapable) throw e;
      return err({ kind: "unreadable", file: candidate.path, message: (e as Error).message });
    }
    const parsed = parseConfig(text, candidate.path, { strict: options.strict });
    return parsed.ok
      ? parsed
      : err({ kind: "invalid", file: candidate.path, issues: parsed.error });
  }
  return err({ kind: "not-found", tried });
}

/** Pure: config text → validated config, or every issue found. */
export function parseConfig(
  text: string,
  file: string,
  options: { strict?: boolean } = {},
): Result<LoadedConfig, Issue[]> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, merge: true, prettyErrors: false });
  const at = (offset: number): Location => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  const issues: Issue[] = [];
  for (const e of doc.errors) {
    issues.push(errorIssue("yaml-syntax", `Cannot read the YAML: ${e.message.split("\n")[0]}`, {
      where: at(e.pos[0]),
    }));
  }
  if (issues.length) return err(issues);

  const locate = (path: ConfigPath) => locateIn(doc, path, at);
  const data = doc.toJS() ?? {};
  const checked = ConfigSchema.safeParse(data);
  if (!checked.success) {
    for (const zi of checked.error.issues) {
      const path = zi.path.filter((p): p is string | number => typeof p !== "symbol");
      issues.push(errorIssue("schema", `${describePath(path)}: ${zi.message}`, {
        where: locate(path),
      }));
    }
  }
  const warnings = issues.filter((i) => i.severity === "warning");
  if (hasErrors(issues) || (options.strict && warnings.length)) return err(issues);
  return ok({ file, config: checked.success ? checked.data : {}, warnings, locate });
}

function locateIn(
  doc: Document,
  path: ConfigPath,
  at: (offset: number) => Location,
): Location | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return undefined;
}

/** ["rituals","start","global",0,"name"] → "rituals.start.global[0].name" */
export function describePath(path: ConfigPath): string {
  return path.reduce<string>(
    (s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${p}` : p),
    "",
  ) || "(top level)";
}
