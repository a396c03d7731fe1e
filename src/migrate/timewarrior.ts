/**
 * Timewarrior's data → records. Timewarrior keeps one file per month, `data/YYYY-MM.data`, one
 * interval per line, as its Interval::serialize writes it:
 *
 *     inc 20201204T120000Z - 20201204T130000Z # tag "tag with space" # "annotation"
 *     inc 20201205T090000Z # "still running"       (open: no end; only the last one can be)
 *     inc 20201205T080000Z - 20201205T083000Z # # "untagged, annotated"
 *
 * Lines are split the way Timewarrior's own lexer (libshared's Lexer) splits them, so a record
 * holds what `timew` would show: ASCII whitespace separates tokens; '…' and "…" are strings with
 * \" \' \\ \b \f \n \r \t \v, \uXXXX and U+XXXX escapes; a bare word is taken as it is; a bare
 * number ends before a single-character operator ("3*4" is "3" and "*4", as in Timewarrior).
 * Tags are a set in Timewarrior (a std::set): sorted by bytes, duplicates dropped, so a file
 * edited by hand reads as `timew` shows it, and "first tag" means the first in that order.
 * (Checked against Timewarrior 1.4.3's `timew export` on the fixtures' edge cases.)
 *
 * Project: Timewarrior has none, only tags. The project is the first tag that is one of rune's
 * project names (`projects`), else the first tag, else `untagged` ("untagged" by default); every
 * tag, the project's included, stays in `tags`, so `--project-map` can rename afterwards.
 * The annotation becomes `note`. An interval's start is its id: Timewarrior intervals never
 * overlap, and its own ids (@1, @2) are renumbered on every change.
 */
import type { Result } from "../base/mod.ts";
import type { HistoryRead, HistoryRecord, Skip } from "./record.ts";
import { isoOf, parseTimewarriorTime } from "./time.ts";

/** One file of Timewarrior's data directory: its name (or path) and its text. */
export interface TimewarriorFile {
  name: string;
  text: string;
}

/** How intervals' tags become a project. */
export interface TimewarriorOptions {
  /** rune's project names: the first tag that is one of them is the project. */
  projects?: readonly string[];
  /** The project of intervals without tags; "untagged" when not given. */
  untagged?: string;
}

interface Interval {
  start: string;
  end?: string;
  tags: string[];
  annotation: string;
}

const DATA_FILE = /(^|[\\/])\d{4}-\d{2}\.data$/;
const NUMBER = /^\d+(?:\.\d*)?(?:[eE][+-]?(?:\d+(?:\.\d*)?)?)?/;
const OPERATOR = "+-*/()<>^!%=~";
const HEX_ESCAPE = /^(?:U\+|\\u)([0-9a-fA-F]{4})/;
const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** Reads the YYYY-MM.data files among `files` (others, like tags.data, are not intervals). */
export function readTimewarrior(
  files: readonly TimewarriorFile[],
  options: TimewarriorOptions = {},
): Result<HistoryRead> {
  // By name, which is by month: records and skips come out in time order whatever the listing.
  const data = files.filter((f) => DATA_FILE.test(f.name)).sort((a, b) =>
    baseName(a.name) < baseName(b.name) ? -1 : 1
  );
  if (data.length === 0) {
    return notTimewarrior(`no YYYY-MM.data file among the ${files.length} given`);
  }
  const records: HistoryRecord[] = [];
  const skipped: Skip[] = [];
  for (const file of data) {
    const base = baseName(file.name);
    file.text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === "") return;
      const interval = parseLine(line);
      const record = typeof interval === "string" ? interval : recordOf(interval, options);
      if (typeof record === "string") skipped.push({ reason: record, where: `${base}:${i + 1}` });
      else records.push(record);
    });
  }
  return { ok: true, value: { records, skipped } };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

/** Reads `timew export` output: [{id, start, end?, tags?, annotation?}], times as in the files. */
export function readTimewarriorExport(
  text: string,
  options: TimewarriorOptions = {},
): Result<HistoryRead> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return notTimewarrior("the export is not JSON");
  }
  if (!Array.isArray(json)) return notTimewarrior("the export is not a JSON array");
  const records: HistoryRecord[] = [];
  const skipped: Skip[] = [];
  json.forEach((o, i) => {
    const where = `interval ${i + 1}`;
    if (typeof o !== "object" || o === null || typeof o.start !== "string") {
      skipped.push({ reason: "an interval without a start", where });
      return;
    }
    const tags = Array.isArray(o.tags) ? o.tags.filter((t: unknown) => typeof t === "string") : [];
    const interval: Interval = {
      start: o.start,
      ...(typeof o.end === "string" ? { end: o.end } : {}),
      tags,
      annotation: typeof o.annotation === "string" ? o.annotation : "",
    };
    const record = recordOf(interval, options);
    if (typeof record === "string") skipped.push({ reason: record, where });
    else records.push(record);
  });
  return { ok: true, value: { records, skipped } };
}

/** One data line, read as IntervalFactory::fromSerialization reads it. */
function parseLine(line: string): Interval | string {
  const t = tokenize(line);
  if (t[0] !== "inc") return "not an interval line";
  if (t.length < 2 || t[1].length !== 16) return "an interval without a start";
  const hasEnd = t.length > 3 && t[2] === "-" && t[3].length === 16;
  const offset = hasEnd ? 3 : 1;
  const tags: string[] = [];
  let annotation = "";
  if (t.length > 2 + offset && t[1 + offset] === "#") {
    let i = 2 + offset;
    for (; i < t.length && t[i] !== "#"; i++) tags.push(t[i]);
    annotation = t.slice(i + 1).join(" ");
  }
  return { start: t[1], ...(hasEnd ? { end: t[3] } : {}), tags, annotation };
}

function recordOf(interval: Interval, options: TimewarriorOptions): HistoryRecord | string {
  const start = parseTimewarriorTime(interval.start);
  const end = interval.end === undefined ? undefined : parseTimewarriorTime(interval.end);
  if (start === undefined) return "an invalid start time";
  if (interval.end !== undefined && end === undefined) return "an invalid end time";
  if (end !== undefined && end < start) return "end before start";
  const tags = asTimewarriorSet(interval.tags);
  const known = options.projects ?? [];
  const project = tags.find((t) => known.includes(t)) ?? tags[0] ?? options.untagged ??
    "untagged";
  return {
    source: "timewarrior",
    sourceId: interval.start,
    project,
    start: isoOf(start),
    ...(end !== undefined ? { end: isoOf(end) } : {}),
    ...(tags.length ? { tags } : {}),
    ...(interval.annotation !== "" ? { note: interval.annotation } : {}),
  };
}

/** Splits a line into tokens, quotes removed and escapes applied (see the top of this file). */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (isSpace(line[i])) {
      i++;
      continue;
    }
    const quoted = line[i] === '"' || line[i] === "'" ? readQuoted(line, i) : undefined;
    if (quoted) {
      tokens.push(quoted.text);
      i = quoted.next;
      continue;
    }
    const end = numberEnd(line, i) ?? wordEnd(line, i);
    tokens.push(dequote(line.slice(i, end)));
    i = end;
  }
  return tokens;
}

/** Where a bare number starting at `at` ends, if one does (Lexer::isNumber's lookahead). */
function numberEnd(line: string, at: number): number | undefined {
  if (line[at] < "0" || line[at] > "9") return undefined;
  const number = NUMBER.exec(line.slice(at, at + 64))?.[0];
  if (!number) return undefined;
  const after = line[at + number.length];
  const ends = after === undefined || isSpace(after) || OPERATOR.includes(after);
  return ends ? at + number.length : undefined;
}

function wordEnd(line: string, at: number): number {
  let end = at;
  while (end < line.length && !isSpace(line[end])) end++;
  return end;
}

/** A quoted string from `at` to its closing quote, or `undefined` when it never closes. */
function readQuoted(line: string, at: number): { text: string; next: number } | undefined {
  const quote = line[at];
  let text = "";
  let run = at + 1; // start of the plain characters not yet copied into `text`
  for (let i = run; i < line.length;) {
    const c = line[i];
    if (c !== quote && c !== "\\" && c !== "U") {
      i++;
      continue;
    }
    text += line.slice(run, i);
    const hex = c === quote ? null : HEX_ESCAPE.exec(line.slice(i, i + 6));
    if (c === quote) return { text, next: i + 1 };
    if (hex) {
      text += String.fromCodePoint(parseInt(hex[1], 16));
      i += 6;
    } else if (c === "\\") {
      if (i + 1 >= line.length) return undefined;
      text += ESCAPES[line[i + 1]] ?? line[i + 1];
      i += 2;
    } else {
      text += c;
      i++;
    }
    run = i;
  }
  return undefined;
}

/** Tags as Timewarrior holds them: unique, in UTF-8 byte order (which is code point order). */
function asTimewarriorSet(tags: readonly string[]): string[] {
  return tags.length < 2 ? [...tags] : [...new Set(tags)].sort(byCodePoint);
}

/** Compares by code point: UTF-16 order, except that surrogates sort above U+E000–U+FFFF. */
function byCodePoint(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    let [x, y] = [a.charCodeAt(i), b.charCodeAt(i)];
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) [x, y] = [lift(x), lift(y)];
    return x - y;
  }
  return a.length - b.length;
}

function lift(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** ASCII whitespace only: the lexer looks at bytes, so a UTF-8 sequence never counts as space. */
function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}

/** Lexer::dequote: strips a pair of matching outer quotes from a bare word. */
function dequote(word: string): string {
  const q = word[0];
  return word.length > 1 && (q === '"' || q === "'") && word.at(-1) === q
    ? word.slice(1, -1)
    : word;
}

function notTimewarrior(detail: string): Result<HistoryRead> {
  return {
    ok: false,
    error: [{
      severity: "error",
      code: "timewarrior-unreadable",
      problem: `Cannot read Timewarrior's data: ${detail}`,
      hint: "Pass Timewarrior's data directory: ~/.local/share/timewarrior/data or " +
        "~/.timewarrior/data",
    }],
  };
}
