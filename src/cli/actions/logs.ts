/**
 * `rune logs`: rune's own logs under $XDG_STATE_HOME/rune/logs (background commands, the tmux
 * close hook). The newest file's last lines by default; `--list` lists them; `--follow` keeps
 * printing what is appended until Ctrl-C.
 */
import { formatIssue, runePaths, writeOrStop } from "../../base/mod.ts";
import { lastLines, listLogs, type LogFile, readSince } from "../../state/mod.ts";
import { EXIT } from "../exit_codes.ts";
import type { GlobalOptions } from "../spec.ts";
import { missingPermission } from "../work_store.ts";

export interface LogsOptions {
  /** A name from --list, or a path. */
  file?: string;
  lines: number;
  follow: boolean;
  list: boolean;
}

/** How often --follow looks for new output. */
const FOLLOW_POLL_MS = 200;

export async function runLogs(options: LogsOptions, globals: GlobalOptions): Promise<number> {
  const names = ["HOME", "XDG_STATE_HOME"];
  const denied = missingPermission(names.map((variable) => ({ name: "env" as const, variable })));
  if (denied) return fail(denied, EXIT.missing);
  const logDir = runePaths(Object.fromEntries(names.map((n) => [n, Deno.env.get(n)]))).logDir;
  const readDenied = missingPermission([{ name: "read", path: logDir }]);
  if (readDenied) return fail(readDenied, EXIT.missing);
  const listed = listLogs(logDir);
  if (!listed.ok) return fail(formatIssue(listed.error), EXIT.stepFailed);
  const logs = listed.value;
  if (options.list) {
    writeOrStop(Deno.stdout, logs.length ? listText(logs) : "");
    if (!logs.length && !globals.quiet) console.error(noLogs(logDir));
    return EXIT.ok;
  }
  const chosen = options.file === undefined ? logs[0] : pick(logs, options.file);
  if (!chosen) {
    if (options.file === undefined) {
      console.error(noLogs(logDir));
      return EXIT.ok;
    }
    return fail(
      formatIssue({
        severity: "error",
        code: "log-not-found",
        problem: `Cannot show the log "${options.file}": there is no such log in "${logDir}"`,
        hint: 'See which logs there are with "rune logs --list"',
      }),
      EXIT.usage,
    );
  }
  if (!globals.quiet) console.error(`==> ${chosen.path} <==`);
  const tail = lastLines(chosen.path, options.lines);
  if (!tail.ok) return fail(formatIssue(tail.error), EXIT.stepFailed);
  writeOrStop(Deno.stdout, tail.value.text);
  if (!options.follow) return EXIT.ok;
  return await follow(chosen.path, tail.value.size);
}

/** Prints what is appended to `path` until SIGINT (exit 130, as for any interrupted run). */
async function follow(path: string, from: number): Promise<number> {
  let offset = from;
  let stopped = false;
  let wake = () => {};
  const onInt = () => {
    stopped = true;
    wake();
  };
  Deno.addSignalListener("SIGINT", onInt);
  try {
    while (!stopped) {
      const next = readSince(path, offset);
      if (!next.ok) return fail(formatIssue(next.error), EXIT.stepFailed);
      writeOrStop(Deno.stdout, next.value.text);
      offset = next.value.size;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FOLLOW_POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return EXIT.interrupted;
  } finally {
    Deno.removeSignalListener("SIGINT", onInt);
  }
}

function pick(logs: readonly LogFile[], wanted: string): LogFile | undefined {
  return logs.find((l) => l.name === wanted || l.path === wanted) ??
    logs.find((l) => l.name.endsWith(`/${wanted}`) || l.name.startsWith(wanted));
}

function listText(logs: readonly LogFile[]): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const when = (ms: number) => {
    const d = new Date(ms);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${
      pad(d.getMinutes())
    }`;
  };
  const width = Math.max(...logs.map((l) => String(l.size).length));
  return logs.map((l) => `${when(l.modified)}  ${String(l.size).padStart(width)}  ${l.name}\n`)
    .join("");
}

function noLogs(logDir: string): string {
  return `rune: no logs yet in ${logDir} (background commands and the tmux close hook write there)`;
}

function fail(message: string, code: number): number {
  console.error(message);
  return code;
}
