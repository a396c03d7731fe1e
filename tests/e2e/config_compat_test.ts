/**
 * Rune's own configs through the bundle: `rune config validate` accepts each one (warnings
 * allowed), and `rune ritual list --json` counts what compat/README.md lists. Skipped, visibly,
 * where ../shared/compat is absent.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import type { RuneResult } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { sharedFiles } from "../helpers/shared.ts";
import { EXAMPLE_COUNTS, NON_TEMPLATE_CODES } from "../config/rune_compat_expected.ts";

const files = [
  ...sharedFiles("compat/rune", ".yaml"),
  ...sharedFiles("compat/rune/examples", ".yaml"),
];
const base = (p: string) => p.slice(p.lastIndexOf("/") + 1);
/** Its {{project}}, {{rate}}, {{client}} are not rune variables: exit 2 once those are checked. */
const VARIABLE_ERRORS = "docs-site-examples-freelancer.yaml";

/** Runs `args` for each file, a few at a time (each run is a Deno start-up). */
async function eachFile(args: string[], list: string[]): Promise<Map<string, RuneResult>> {
  const home = makeTempHome();
  const results = new Map<string, RuneResult>();
  try {
    const queue = [...list];
    const worker = async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        results.set(f, await runRune(["--config", f, ...args], { env: home.env }));
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  } finally {
    home.cleanup();
  }
  return results;
}

Deno.test({
  name: "rune config validate exits 0 on each of Rune's configs",
  ignore: files.length === 0,
  async fn(t) {
    const results = await eachFile(["config", "validate", "--json"], files);
    for (const [file, r] of results) {
      await t.step(base(file), () => {
        const errors = JSON.parse(r.stdout).filter((i: { severity: string }) =>
          i.severity === "error"
        );
        deepStrictEqual(
          errors.filter((i: { code: string }) => NON_TEMPLATE_CODES.has(i.code)),
          [],
          "no errors from the config checks",
        );
        if (base(file) !== VARIABLE_ERRORS) strictEqual(r.code, 0, r.stderr);
      });
    }
  },
});

Deno.test({
  name: "rune ritual list --json counts the README's commands for the ten examples",
  ignore: files.length === 0,
  async fn(t) {
    const examples = files.filter((f) => base(f) in EXAMPLE_COUNTS);
    strictEqual(examples.length, 10);
    const results = await eachFile(["ritual", "list", "--json"], examples);
    for (const [file, r] of results) {
      await t.step(base(file), () => {
        strictEqual(r.code, 0, r.stderr);
        const listing = JSON.parse(r.stdout);
        const count = (ritual: { global: unknown[]; per_project: Record<string, unknown[]> }) => ({
          global: ritual.global.length,
          per_project: Object.fromEntries(
            Object.entries(ritual.per_project).map(([k, v]) => [k, v.length]),
          ),
        });
        const want = EXAMPLE_COUNTS[base(file)];
        deepStrictEqual(
          { start: count(listing.start), stop: count(listing.stop) },
          { start: want.start, stop: want.stop },
        );
      });
    }
  },
});
