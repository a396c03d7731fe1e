import { deepStrictEqual } from "node:assert/strict";
import { recordShareEvents, shareEntry } from "../../src/share/events.ts";
import { auditFile, parseAudit, readAudit } from "../../src/state/mod.ts";

const event = {
  event: "grant" as const,
  session: "dev",
  owner: "olga",
  guest: "alice",
  access: "read-only" as const,
  socket: "/tmp/rune-share-1000/dev-1a2b3c4d/sock",
};

Deno.test("shareEntry() is an audit entry every reader already reads, with the event beside", () => {
  const e = shareEntry(event, { user: "olga", project: "web", time: new Date(0) });
  deepStrictEqual({ ...e, id: "x" }, {
    id: "x",
    time: "1970-01-01T00:00:00.000Z",
    user: "olga",
    project: "web",
    ritual: "share",
    name: "dev",
    command: "grant alice read-only (/tmp/rune-share-1000/dev-1a2b3c4d/sock)",
    via: "tmux",
    status: "ok",
    exitCode: null,
    durationMs: 0,
    share: event,
  });
  // A reader that knows nothing of `share` still reads the line as an entry.
  const log = parseAudit(`${JSON.stringify(e)}\n`);
  deepStrictEqual([log.entries.length, log.unreadable], [1, []]);
  const refused = shareEntry({ ...event, event: "refused", reason: "not shared with you" }, {
    user: "alice",
    project: "",
    time: new Date(0),
    ok: false,
  });
  deepStrictEqual(refused.status, "failed");
});

Deno.test("recordShareEvents() appends one line per event to the audit log", () => {
  const dir = Deno.makeTempDirSync({ prefix: "rune-share-audit-" });
  try {
    const at = { user: "olga", project: "web", time: new Date(0) };
    const problems = recordShareEvents(dir, [
      shareEntry(event, at),
      shareEntry({ ...event, event: "revoke" }, at),
    ]);
    deepStrictEqual(problems, []);
    deepStrictEqual(
      readAudit(auditFile(dir)).entries.map((e) => e.share?.event),
      ["grant", "revoke"],
    );
    deepStrictEqual(Deno.statSync(auditFile(dir)).mode! & 0o777, 0o600);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
