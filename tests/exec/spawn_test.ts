/**
 * A step's child in its own session: its pid is its group's (and session's) id, so signals to
 * `-PID` reach everything it starts. Both ways rune makes one hold it: `setsid` spawned
 * attached (where setsid is installed and allowed), and Deno's `detached` (elsewhere: here, a
 * Deno without run permission for setsid).
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { findProgram, ownSessionLauncher, spawnStep } from "../../src/exec/mod.ts";
import { REPO_ROOT } from "../helpers/run_rune.ts";

/** Its group and (on Linux, where ps names it) session id. */
function idsOf(pid: number): { pgid: number; sid: number } {
  const fields = Deno.build.os === "linux" ? "pgid=,sid=" : "pgid=";
  const out = new Deno.Command("ps", { args: ["-o", fields, "-p", String(pid)] }).outputSync();
  const [pgid, sid] = new TextDecoder().decode(out.stdout).trim().split(/\s+/).map(Number);
  return { pgid, sid: sid ?? pgid };
}

Deno.test("setsid is used where it is installed (util-linux: every Linux this runs on)", () => {
  strictEqual(ownSessionLauncher(), findProgram("setsid"));
  if (Deno.build.os === "linux") ok(ownSessionLauncher()?.endsWith("/setsid"));
});

/** `sh -c command` as a step spawns it: in its own session, no stdio. */
function spawnSh(command: string): Deno.ChildProcess {
  const child = spawnStep("sh", {
    args: ["-c", command],
    cwd: "/",
    stdin: "null",
    stdout: "null",
    stderr: "null",
    ownSession: true,
  }, { durationMs: 0, via: "shell" });
  if (!(child instanceof Deno.ChildProcess)) throw new Error(child.message);
  return child;
}

Deno.test("a child spawned in its own session leads its group and session", async () => {
  const child = spawnSh("sleep 30");
  try {
    // setsid execs sh in place: give it the moment to do so before reading the ids.
    let ids = idsOf(child.pid);
    for (let i = 0; i < 50 && (ids.sid !== child.pid || ids.pgid !== child.pid); i++) {
      await new Promise((r) => setTimeout(r, 20));
      ids = idsOf(child.pid);
    }
    deepStrictEqual(ids, { pgid: child.pid, sid: child.pid });
  } finally {
    child.kill("SIGKILL");
    await child.status;
  }
});

Deno.test("the exit code and signal pass through setsid", async () => {
  const run = (command: string) => spawnSh(command).status;
  strictEqual((await run("exit 7")).code, 7);
  strictEqual((await run("kill -TERM $$")).signal, "SIGTERM");
});

Deno.test("without setsid (not allowed to run it), Deno's detached gives the same session", async () => {
  const script = `
    import { ownSessionLauncher, spawnStep } from "${REPO_ROOT}/src/exec/mod.ts";
    const child = spawnStep("sh", { args: ["-c", "ps -o pid=,pgid= -p $$"], cwd: "/",
      stdin: "null", stdout: "piped", stderr: "null", ownSession: true },
      { durationMs: 0, via: "shell" });
    const out = new TextDecoder().decode((await child.output()).stdout).trim().split(/\\s+/);
    console.log(JSON.stringify({ launcher: ownSessionLauncher() ?? null, ids: out.map(Number) }));
  `;
  // `deno eval` would grant everything: a file run with exactly these permissions.
  const file = Deno.makeTempFileSync({ suffix: ".ts" });
  Deno.writeTextFileSync(file, script);
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--no-config",
      "--no-prompt",
      "--allow-read",
      "--allow-env",
      "--allow-run=sh,ps",
      file,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  Deno.removeSync(file);
  const text = new TextDecoder().decode(out.stdout);
  strictEqual(out.code, 0, new TextDecoder().decode(out.stderr));
  const { launcher, ids } = JSON.parse(text);
  strictEqual(launcher, null);
  strictEqual(ids[1], ids[0], `pgid of ${text}`);
});
