/** `rune start NAME` where NAME is not configured: a near miss is refused, a new name runs. */
import { doesNotMatch, match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import { exists } from "../helpers/files.ts";

const CONFIG = `
projects:
  - { name: webshop, detect: [shop.txt] }
rituals:
  start:
    global:
      - { name: Global, command: "touch global-ran" }
    per_project:
      webshop: [{ name: Shop, command: "touch shop-ran" }]
`;

Deno.test("start webshp (webshop configured) is refused with the did-you-mean; nothing runs", async () => {
  await withProject(CONFIG, async (home, dir) => {
    for (const ritual of ["start", "stop"]) {
      const r = await runRune([ritual, "webshp"], { env: home.env, cwd: dir });
      strictEqual(r.code, 2, r.stderr);
      match(r.stderr, /error: Cannot use "webshp" as a project: no project of that name is/);
      match(r.stderr, /hint: Did you mean "webshop"\?/);
      match(r.stderr, /nothing ran/);
    }
    strictEqual(exists(`${dir}/global-ran`), false);
  });
});

Deno.test("start with a name far from every project still runs the global rituals", async () => {
  await withProject(CONFIG, async (home, dir) => {
    const r = await runRune(["start", "billing"], { env: home.env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    match(r.stderr, /warning: Project "billing" is not in the config: only the global commands/);
    doesNotMatch(r.stderr, /Did you mean/);
    strictEqual(exists(`${dir}/global-ran`), true);
    strictEqual(exists(`${dir}/shop-ran`), false);
  });
});
