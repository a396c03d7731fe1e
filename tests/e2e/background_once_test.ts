/** `rune start` twice: a background command the registry shows running starts once. */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import { killMarked, pidsWithMarker, uniqueMarker } from "../helpers/plan_fixture.ts";

Deno.test("starting twice leaves one background command: the second says it already runs", async () => {
  const marker = uniqueMarker("e2e-bg-twice");
  const config = `
rituals:
  start:
    global:
      - {name: Server, command: "exec sh -c 'sleep 300; : ${marker}'", background: true}
      - {name: After, command: "true"}
`;
  await withProject(config, async (home, dir) => {
    try {
      const first = await runRune(["start", "app"], { env: home.env, cwd: dir });
      strictEqual(first.code, 0, first.stderr);
      const m = first.stderr.match(/▶ Server: started · pid (\d+), log (\S+) · /);
      ok(m, first.stderr);
      const second = await runRune(["start", "app"], { env: home.env, cwd: dir });
      strictEqual(second.code, 0, second.stderr);
      match(
        second.stderr,
        new RegExp(`- Server: skipped: already running, pid ${m[1]}, log ${m[2]}\\n`),
      );
      match(second.stderr, /✓ After: ok/);
      deepStrictEqual(pidsWithMarker(marker).map(String), [m[1]]);

      const json = await runRune(["start", "app", "--json"], { env: home.env, cwd: dir });
      const line = JSON.parse(json.stdout.split("\n")[0]);
      deepStrictEqual(
        [line.status, line.message, line.pid, line.logFile],
        ["skipped", `already running, pid ${m[1]}`, Number(m[1]), m[2]],
      );

      const stop = await runRune(["stop", "app"], { env: home.env, cwd: dir });
      strictEqual(stop.stderr.match(/still running from rune start/g)?.length, 1, stop.stderr);
    } finally {
      killMarked(marker);
    }
  });
});
