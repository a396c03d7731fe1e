import { deepStrictEqual, ok as assertOk } from "node:assert/strict";
import { formatAuditEntry, formatAuditTable } from "../../src/output/audit_text.ts";
import type { AuditEntry } from "../../src/state/mod.ts";

const join: AuditEntry = {
  id: "0ff11298",
  time: "2026-12-01T21:13:08.872Z",
  user: "alice",
  project: "web",
  ritual: "share",
  name: "dev",
  command: "join alice read-only (/tmp/rune-share-0/dev-242c6706/sock)",
  via: "tmux",
  status: "ok",
  exitCode: null,
  durationMs: 0,
  share: {
    event: "join",
    session: "dev",
    owner: "root",
    guest: "alice",
    access: "read-only",
    client: "client-4242",
    control: true,
    socket: "/tmp/rune-share-0/dev-242c6706/sock",
  },
};

Deno.test("audit ls/show say what happened to a shared session, control mode flagged", () => {
  const table = formatAuditTable([join]).split("\n");
  assertOk(
    table[1].includes("share   dev: join alice read-only (client-4242, control mode)"),
    table[1],
  );
  const lines = formatAuditEntry(join, "/log");
  assertOk(lines.includes("project:   web (shared session)"), lines.join("\n"));
  deepStrictEqual(
    lines.find((l) => l.startsWith("share:")),
    "share:     join alice read-only (client-4242, control mode) (owner root, " +
      "/tmp/rune-share-0/dev-242c6706/sock)",
  );
});
