/**
 * How big and how deep a config may be, and how long a command: limits that keep a hostile or
 * broken file from taking rune's memory and time (a 10 MB file, 10,000,000 nested `[`, an
 * alias bomb) and that catch, at validate time, a command the system would refuse to start.
 * Each is far above what a real config needs. Pure.
 */
import { formatBytes } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import { errorIssue } from "../base/mod.ts";

export const CONFIG_LIMITS = {
  /** Size of the config file, checked before it is read; raise with RUNE_CONFIG_MAX_BYTES. */
  maxBytes: 262_144,
  /** Nesting of maps, lists and flow brackets. Rune's configs nest about 8 deep. */
  maxDepth: 100,
  /**
   * Values (scalars, collections, list items) per byte of the size limit: 21,845 at 256 KiB,
   * 25 times what Rune's largest example holds. The YAML parser needs 1-2 KB of memory for each.
   */
  valuesPerByte: 1 / 12,
  /** Aliases (`*name`, merges `<<: *name` included) in one file. */
  maxAliases: 1_000,
  /** Values all aliases together may repeat (a billion-laughs bomb repeats billions). */
  maxAliasValues: 10_000,
  /**
   * One argument of a program rune starts (`sh -c COMMAND`, a tmux argument), NUL included:
   * Linux's MAX_ARG_STRLEN (32 pages of 4 KiB). A longer one fails with "Argument list too long".
   */
  maxArgBytes: 131_072,
  /** All arguments and the environment of one program: `getconf ARG_MAX` on Linux (2 MiB). */
  maxArgvBytes: 2_097_152,
} as const;

/** How many values a config may hold, for a size limit of `maxBytes`. */
export function maxConfigValues(maxBytes: number): number {
  return Math.floor(maxBytes * CONFIG_LIMITS.valuesPerByte);
}

/** The variable that raises the size limit. */
export const MAX_BYTES_VARIABLE = "RUNE_CONFIG_MAX_BYTES";

/** The size limit: RUNE_CONFIG_MAX_BYTES when set (a whole number of bytes), else the default. */
export function maxConfigBytes(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; bytes: number } | { ok: false; issue: Issue } {
  const raw = env[MAX_BYTES_VARIABLE];
  if (raw === undefined || raw === "") return { ok: true, bytes: CONFIG_LIMITS.maxBytes };
  if (/^\d+$/.test(raw.trim()) && Number(raw) > 0) return { ok: true, bytes: Number(raw) };
  return {
    ok: false,
    issue: errorIssue(
      "bad-limit",
      `Cannot use ${MAX_BYTES_VARIABLE}=${JSON.stringify(raw)}: expected a number of bytes`,
      { hint: `Set ${MAX_BYTES_VARIABLE}=${CONFIG_LIMITS.maxBytes * 4}, or unset it` },
    ),
  };
}

/** The issue of a config of `bytes` bytes over `limit`. */
export function tooLargeIssue(file: string, bytes: number, limit: number): Issue {
  return errorIssue(
    "config-too-large",
    `Cannot read the config: it is ${formatBytes(bytes)}, more than the limit of ` +
      `${formatBytes(limit)}`,
    {
      where: { file, line: 1, column: 1 },
      hint: `Shorten the file, or raise the limit: ${MAX_BYTES_VARIABLE}=${
        Math.ceil(bytes / 1_048_576) * 1_048_576
      } rune …`,
    },
  );
}
