/** The audit log: one line per run, private files, readable back, ids by prefix. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  appendAudit,
  auditFile,
  findAuditEntry,
  newAuditId,
  parseAudit,
  readAudit,
} from "../../src/state/audit.ts";
import type { AuditEntry } from "../../src/state/audit.ts";
import { DENO_CONFIG } from "../helpers/run_rune.ts";

const entry = (id: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  time: "2025-01-02T03:04:05.000Z",
  user: "ana",
  project: "web",
  ritual: "start",
  name: "db shell",
  command: "psql -h localhost",
  via: "pty",
  status: "ok",
  exitCode: 0,
  durationMs: 1500,
  ...extra,
});

function withTemp(fn: (dir: string) => void | Promise<void>) {
  return async () => {
    const dir = Deno.makeTempDirSync({ prefix: "rune-audit-" });
    try {
      await fn(dir);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  };
}

Deno.test(
  "appendAudit() creates the log 0600 in a 0700 dir, one JSON line per entry",
  withTemp((dir) => {
    const file = auditFile(`${dir}/state/rune`);
    appendAudit(file, entry("aaaa0001"));
    appendAudit(file, entry("aaaa0002", { via: "tmux", exitCode: null, status: "failed" }));
    strictEqual(Deno.statSync(file).mode! & 0o777, 0o600);
    strictEqual(Deno.statSync(`${dir}/state/rune`).mode! & 0o777, 0o700);
    const lines = Deno.readTextFileSync(file).split("\n");
    deepStrictEqual(lines.length, 3);
    strictEqual(lines[2], "");
    deepStrictEqual(
      JSON.parse(lines[1]),
      entry("aaaa0002", {
        via: "tmux",
        exitCode: null,
        status: "failed",
      }),
    );
    deepStrictEqual(readAudit(file), {
      entries: [
        entry("aaaa0001"),
        entry("aaaa0002", { via: "tmux", exitCode: null, status: "failed" }),
      ],
      unreadable: [],
    });
  }),
);

Deno.test("readAudit() of a log that does not exist yet is empty", () => {
  deepStrictEqual(readAudit("/nonexistent/rune/audit.jsonl"), { entries: [], unreadable: [] });
});

Deno.test("parseAudit() keeps good lines and counts the rest by line number", () => {
  const text = [
    JSON.stringify(entry("aaaa0001")),
    '{"id":"torn',
    "",
    JSON.stringify({ hello: "world" }),
    JSON.stringify(entry("aaaa0002")),
    "",
  ].join("\n");
  deepStrictEqual(parseAudit(text), {
    entries: [entry("aaaa0001"), entry("aaaa0002")],
    unreadable: [2, 4],
  });
});

Deno.test("findAuditEntry() takes an exact id or a unique prefix", async (t) => {
  const entries = [entry("ab12cd34"), entry("ab99ef00"), entry("ff000000")];
  await t.step("exact", () => deepStrictEqual(findAuditEntry(entries, "ab99ef00").ok, true));
  await t.step("unique prefix", () => {
    const r = findAuditEntry(entries, "ff");
    ok(r.ok && r.value.id === "ff000000");
  });
  await t.step("ambiguous prefix lists the candidates", () => {
    deepStrictEqual(findAuditEntry(entries, "ab"), {
      ok: false,
      error: '"ab" matches 2 entries: ab12cd34, ab99ef00',
    });
  });
  await t.step("unknown", () => {
    deepStrictEqual(findAuditEntry(entries, "99"), {
      ok: false,
      error: 'no audit entry has the id "99"',
    });
  });
  await t.step("empty is never a match", () => {
    deepStrictEqual(findAuditEntry(entries, "").ok, false);
  });
});

Deno.test("newAuditId() is 8 hex digits and does not repeat", () => {
  const ids = new Set(Array.from({ length: 1000 }, newAuditId));
  strictEqual(ids.size, 1000);
  for (const id of ids) ok(/^[0-9a-f]{8}$/.test(id), id);
});

Deno.test(
  "two processes appending 500 long lines each never tear a line",
  withTemp(async (dir) => {
    const file = `${dir}/audit.jsonl`;
    const writer = new URL("./audit_writer.ts", import.meta.url).pathname;
    const go = `${dir}/go`;
    const spawn = (tag: string) =>
      new Deno.Command(Deno.execPath(), {
        // rune's own permission set: the writer appends exactly as rune does.
        args: [
          "run",
          "-q",
          "--no-prompt",
          "--config",
          DENO_CONFIG,
          "-P",
          writer,
          file,
          tag,
          "500",
          go,
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
    const running = [spawn("a"), spawn("b")];
    Deno.writeTextFileSync(go, "");
    const outs = await Promise.all(running);
    for (const o of outs) strictEqual(o.code, 0, new TextDecoder().decode(o.stderr));
    const log = readAudit(file);
    deepStrictEqual(log.unreadable, []);
    strictEqual(log.entries.length, 1000);
    for (const tag of ["a", "b"]) {
      const mine = log.entries.filter((e) => e.id.startsWith(tag)).map((e) => e.durationMs);
      // Each writer's lines are all there, in its own order.
      deepStrictEqual(mine, Array.from({ length: 500 }, (_, i) => i));
    }
  }),
);
