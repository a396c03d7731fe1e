/** `rune logs` on what a background command of `rune start` wrote: last lines, --list, --follow. */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { runeArgv, runRune } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import { waitFor } from "../helpers/wait_for.ts";

const CONFIG = `version: 1
projects: [{ name: web }]
rituals:
  start:
    per_project:
      web:
        - name: dev server
          command: "for i in 1 2 3 4 5; do echo line-$i; done"
          background: true
`;

Deno.test("rune logs shows, lists and follows rune's own logs", async () => {
  await withProject(CONFIG, async (home, dir) => {
    const run = (args: string[]) => runRune(args, { env: home.env, cwd: dir });
    const empty = await run(["logs"]);
    strictEqual(empty.code, 0);
    match(empty.stderr, /no logs yet in .*\/state\/rune\/logs/);

    strictEqual((await run(["ritual", "run", "start", "web"])).code, 0);
    const logDir = `${home.env.XDG_STATE_HOME}/rune/logs/web`;
    let log = "";
    await waitFor(() => {
      const files = [...Deno.readDirSync(logDir)].map((e) => e.name);
      log = files[0] ? `${logDir}/${files[0]}` : "";
      return log !== "" && Deno.readTextFileSync(log).includes("line-5");
    }, { what: "the background command's log" });

    const tail = await run(["logs", "-n", "2"]);
    strictEqual(tail.code, 0, tail.stderr);
    strictEqual(tail.stdout, "line-4\nline-5\n");
    match(tail.stderr, /^==> .*\/logs\/web\/dev-server-.*\.log <==/);
    const list = await run(["logs", "--list"]);
    match(list.stdout, /^\d{4}-\d\d-\d\d \d\d:\d\d {2}\d+ {2}web\/dev-server-[^\n]*\.log\n$/);
    strictEqual((await run(["logs", "web/dev-server", "-n", "1"])).stdout, "line-5\n");
    const missing = await run(["logs", "nope"]);
    strictEqual(missing.code, 2);
    match(missing.stderr, /Cannot show the log "nope"/);
    strictEqual((await run(["logs", "-n", "x"])).code, 2);

    const argv = runeArgv(["logs", "-f", "-n", "1"]);
    const child = new Deno.Command(argv[0], {
      args: argv.slice(1),
      env: home.env,
      clearEnv: true,
      cwd: dir,
      stdout: "piped",
      stderr: "null",
    }).spawn();
    let seen = "";
    const reading = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of child.stdout) seen += decoder.decode(chunk, { stream: true });
    })();
    await waitFor(() => seen.includes("line-5"), { what: "the followed log's last line" });
    Deno.writeTextFileSync(log, "appended\n", { append: true });
    await waitFor(() => seen.includes("appended"), { what: "the appended line" });
    child.kill("SIGINT");
    const status = await child.status;
    await reading;
    deepStrictEqual([status.code, seen], [130, "line-5\nappended\n"]);
  });
});
