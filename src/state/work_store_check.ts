/**
 * The store's health for `rune doctor`: SQLite's `PRAGMA integrity_check`, its foreign-key
 * check, the schema version, the store's own invariants (at most one open session, pauses
 * inside their sessions, …), and the modes of the file and its directory. Read-only.
 */
import type { DatabaseSync } from "node:sqlite";
import { errorIssue, type Issue, warningIssue } from "../base/mod.ts";
import { INVARIANTS, LATEST_SCHEMA, schemaVersion } from "./work_store_schema.ts";

export interface StoreHealth {
  /** No error-severity issue. */
  ok: boolean;
  path: string;
  schemaVersion: number;
  sessions: number;
  issues: Issue[];
}

export function checkStore(db: DatabaseSync, path: string): StoreHealth {
  const issues: Issue[] = [];
  const integrity = (db.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[])
    .map((r) => r.integrity_check);
  if (integrity.join() !== "ok") {
    issues.push(
      errorIssue(
        "store-corrupt",
        `The work-session store "${path}" is damaged: ${integrity.slice(0, 3).join("; ")}`,
        {
          hint:
            `Keep a copy ("cp ${path} ${path}.bad"), then recover it with "sqlite3 ${path} .recover"`,
        },
      ),
    );
  }
  const orphans = db.prepare("PRAGMA foreign_key_check").all().length;
  if (orphans > 0) {
    issues.push(
      errorIssue(
        "store-invariant",
        `The work-session store "${path}" is inconsistent: ${orphans} pause(s) belong to no session`,
      ),
    );
  }
  const version = schemaVersion(db);
  if (version !== LATEST_SCHEMA) {
    issues.push(
      errorIssue(
        "store-schema",
        `The work-session store "${path}" has schema ${version}: this rune expects ${LATEST_SCHEMA}`,
      ),
    );
  }
  for (const inv of INVARIANTS) {
    const n = (db.prepare(inv.sql).get() as { n: number }).n;
    if (n > 0) {
      issues.push(
        errorIssue(
          "store-invariant",
          `The work-session store "${path}" is inconsistent: ${inv.what} (${n})`,
          {
            hint:
              'Fix it with "sqlite3" after a backup, or report it: rune should never write this',
          },
        ),
      );
    }
  }
  const mode = (db.prepare("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode;
  if (mode !== "wal") {
    issues.push(
      warningIssue(
        "store-journal",
        `The work-session store "${path}" is in ${mode} mode: rune expects WAL`,
      ),
    );
  }
  issues.push(...modeIssues(path));
  const sessions = (db.prepare("SELECT COUNT(*) AS n FROM sessions").get() as { n: number }).n;
  return {
    ok: !issues.some((i) => i.severity === "error"),
    path,
    schemaVersion: version,
    sessions,
    issues,
  };
}

/** Others must not read your work history: the file 0600, its directory 0700. */
function modeIssues(path: string): Issue[] {
  const dir = path.replace(/\/[^/]*$/, "") || "/";
  const out: Issue[] = [];
  for (const [p, want] of [[path, 0o600], [dir, 0o700]] as const) {
    const mode = Deno.statSync(p).mode;
    if (mode !== null && (mode & 0o077) !== 0) {
      out.push(
        warningIssue(
          "store-mode",
          `"${p}" is readable by others: mode ${(mode & 0o777).toString(8)}`,
          {
            hint: `Run "chmod ${want.toString(8)} ${p}"`,
          },
        ),
      );
    }
  }
  return out;
}
