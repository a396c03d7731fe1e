/**
 * Appends COUNT audit lines tagged WRITER as fast as it can (for the concurrent-writers test).
 * Usage: audit_writer.ts FILE WRITER COUNT GO — starts writing once the file GO exists, so two
 * writers really write at the same time.
 */
import { appendAudit } from "../../src/state/audit.ts";

const [file, writer, count, go] = Deno.args;
while (true) {
  try {
    Deno.statSync(go);
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 2));
  }
}
// Long lines make a torn write likely if appends were not whole.
const filler = "x".repeat(3000);
for (let i = 0; i < Number(count); i++) {
  appendAudit(file, {
    id: `${writer}${String(i).padStart(7, "0")}`,
    time: new Date().toISOString(),
    user: "tester",
    project: "p",
    ritual: "start",
    name: `${writer}-${i}`,
    command: `echo ${filler}`,
    via: "pty",
    status: "ok",
    exitCode: 0,
    durationMs: i,
  });
}
