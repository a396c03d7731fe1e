/**
 * A config from the cache locates exactly as the freshly parsed one: for every path of the
 * config's data, and for keys the config does not set (answered by the nearest parent), on
 * rune's fixtures and on Rune's real configs where ../shared/compat exists.
 */
import { deepStrictEqual, ok } from "node:assert/strict";
import { parseConfig } from "../../src/config/mod.ts";
import { positionTable, tableLocators } from "../../src/state/mod.ts";
import { REPO_ROOT } from "../helpers/run_rune.ts";
import { sharedFiles } from "../helpers/shared.ts";

type Path = (string | number)[];

function everyPath(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => everyPath(v, [...path, i], out));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) everyPath(v, [...path, k], out);
  }
  return out;
}

const INLINE = `
version: 1
defaults: &d {optional: true}
projects:
  - name: web
    detect: [package.json]
rituals:
  start:
    global:
      - name: hello
        command: echo hi
        env: {A: "1"}
      - <<: *d
        name: merged
        command: "true"
    templates:
      dev:
        session_name: "{{.Project}}"
        windows:
          - name: code
            panes: [vim, {command: make, dir: /tmp}]
`;

const files = [
  ...["seed-example-1", "seed-example-2", "seed-example-3"].map((n) =>
    `${REPO_ROOT}/tests/fixtures/config/${n}.yaml`
  ),
  `${REPO_ROOT}/templates/demo.yaml`,
  `${REPO_ROOT}/templates/node.yaml`,
  ...sharedFiles("compat/rune", ".yaml"),
];

Deno.test("the position table answers locate and locateKey as the loader does", async (t) => {
  const texts: [string, string][] = [
    ["inline.yaml", INLINE],
    ...files.map((f): [string, string] => [f, Deno.readTextFileSync(f)]),
  ];
  let checked = 0;
  for (const [file, text] of texts) {
    const loaded = parseConfig(text, file);
    if (!loaded.ok) continue; // a compat file rune refuses is config_compat_test's business
    await t.step(file.slice(file.lastIndexOf("/") + 1), () => {
      const table = JSON.parse(
        JSON.stringify(positionTable(file, loaded.value.config, loaded.value)),
      );
      const cached = tableLocators(table);
      const paths = everyPath(loaded.value.config);
      // Keys rune asks about that a config may leave out.
      const missing = paths.flatMap((p) => [[...p, "working_dir"], [...p, "env", "X"], [...p, 7]]);
      for (const p of [...paths, ...missing]) {
        deepStrictEqual(cached.locate(p), loaded.value.locate(p), `locate ${JSON.stringify(p)}`);
        deepStrictEqual(
          cached.locateKey(p),
          loaded.value.locateKey(p),
          `locateKey ${JSON.stringify(p)}`,
        );
      }
      checked++;
    });
  }
  ok(checked >= 6, `only ${checked} configs loaded`);
});
