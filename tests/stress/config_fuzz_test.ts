/**
 * Issue 18 "config fuzzing": configs mutated by npm:fast-check from the printed seed never crash
 * rune (no "Uncaught", no stack), always end in exit 0 or 2 with every error located
 * (file:line:col), and never run anything when invalid: every command a generated config holds
 * creates a marker file, so a refused config must leave none. In process (the loader and the
 * planner, ≥ 1,000 configs per run) and through the bundle with `rune start` on a private tmux
 * server (16 configs in `make test`, 1,000 under `make stress`); then mutations of the
 * tmuxinator and tmuxp files of ../shared/compat through `rune import`, and of a trusted
 * `.rune.yaml` through `rune trust` and `rune start`.
 */
import fc from "fast-check";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { hasTmux } from "../helpers/tmux_server.ts";
import { parseConfig, templateFieldCheck } from "../../src/config/mod.ts";
import { planRitual } from "../../src/planning/mod.ts";
import type { Issue } from "../../src/base/mod.ts";
import { mutatedConfig } from "./lib/fuzz_gen.ts";
import { pool, replaceBytes } from "./lib/pool.ts";
import { hasStack, scaled, SEED, Tally } from "./lib/tally.ts";
import { killServer } from "./lib/world.ts";
import { unlocated } from "./lib/probe.ts";
import { aCommandFailed, importFuzz, localFuzz } from "./lib/fuzz_files.ts";

const PLACEHOLDER = "/MARKDIR";
const COUNTERS = ["crashed", "unlocated", "ran when invalid", "other exit"];

/** Error issues without a place in the file. */
function unplaced(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === "error" && !i.where);
}

Deno.test("config fuzzing: the loader and the planner, in process", async () => {
  const tally = new Tally("config fuzzing (in process)", COUNTERS);
  const checkTemplates = await templateFieldCheck();
  const dir = Deno.makeTempDirSync({ prefix: "rune-fuzz-" });
  try {
    Deno.mkdirSync(`${dir}/sub`);
    const facts = { env: { HOME: dir, USER: "u" }, now: new Date(), isDirectory: () => true };
    const project = { name: "web", dir, detectedBy: "argument" };
    const exits = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(mutatedConfig(`${dir}/m`), (m) => {
        const what = m.mutations.join(", ");
        const text = new TextDecoder().decode(m.bytes);
        let broke: { counter: string; why: string }[] = [];
        try {
          const loaded = parseConfig(text, `${dir}/config.yaml`, { checkTemplates });
          if (!loaded.ok) {
            exits.refused++;
            const bad = unplaced(loaded.error);
            if (bad.length || !loaded.error.some((i) => i.severity === "error")) {
              broke = [{ counter: "unlocated", why: bad.map((i) => i.problem).join(" | ") }];
            }
          } else {
            const planned = planRitual(loaded.value, "start", project, facts);
            if (planned.ok) exits.ok++;
            else if (unplaced(planned.error).length) {
              broke = [{ counter: "unlocated", why: unplaced(planned.error)[0].problem }];
            } else exits.refused++;
          }
        } catch (e) {
          broke = [{ counter: "crashed", why: String((e as Error).stack ?? e).slice(0, 400) }];
        }
        tally.record(what, broke);
        return broke.length === 0;
      }),
      { seed: SEED, numRuns: scaled(1000, 5000), endOnFailure: true },
    );
    tally.note("valid", exits.ok);
    tally.note("refused", exits.refused);
    tally.check(
      "mutated configs through parseConfig + planRitual",
      tally.tried,
      tally.tried - tally.lost,
    );
  } catch (e) {
    // fc.assert's report (the seed, the shrunk counterexample) is the failure.
    console.log(tally.summary());
    throw e;
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
  tally.finish();
});

Deno.test({
  name: "config fuzzing: mutated configs through the bundle, on private tmux servers",
  ignore: !hasTmux,
  async fn(t) {
    const tally = new Tally("config fuzzing", COUNTERS);
    const home = makeTempHome();
    try {
      const configs = fc.sample(mutatedConfig(PLACEHOLDER), {
        seed: SEED,
        numRuns: scaled(16, 1000),
      });
      await t.step(`${configs.length} mutated configs: rune start --detach`, async () => {
        await pool(configs, 2, async (m, i, worker) => {
          const w = `${home.dir}/w${worker}`;
          const mark = `${home.dir}/mark/${i}`;
          Deno.mkdirSync(`${w}/web/sub`, { recursive: true });
          Deno.mkdirSync(mark, { recursive: true });
          Deno.writeTextFileSync(`${w}/web/marker.txt`, "");
          const config = `${w}/config.yaml`;
          Deno.writeFileSync(config, replaceBytes(m.bytes, PLACEHOLDER, mark));
          const env = {
            ...home.env,
            XDG_DATA_HOME: `${w}/data-${i}`,
            RUNE_TMUX_SOCKET: `${w}/tmux.sock`,
          };
          const r = await runRune(["start", "--detach", "--config", config], {
            env,
            cwd: `${w}/web`,
          });
          const ran = [...Deno.readDirSync(mark)].length;
          const broke: { counter: string; why: string }[] = [];
          const said = r.stdout + r.stderr;
          if (hasStack(said)) broke.push({ counter: "crashed", why: said.slice(0, 400) });
          if (r.code === 2) {
            if (ran) broke.push({ counter: "ran when invalid", why: `${ran} marker(s)` });
            const bad = unlocated(r.stderr);
            if (bad.length || !/error: /.test(r.stderr)) {
              broke.push({ counter: "unlocated", why: bad.join(" | ") || r.stderr.slice(0, 300) });
            }
          } else if (r.code === 1 && /needs a terminal/.test(r.stderr)) {
            tally.note("exit 1 (a required interactive step without a terminal)");
          } else if (aCommandFailed(said, r.code)) {
            tally.note("exit 1 (a command of the mutated config failed)");
          } else if (r.code !== 0) {
            broke.push({ counter: "other exit", why: `exit ${r.code}: ${r.stderr.slice(0, 300)}` });
          }
          tally.note(`exit ${r.code}`);
          tally.record(`config ${i} (${m.mutations.join(", ")})`, broke);
          if (i % 25 === 24) await killServer(`${w}/tmux.sock`);
        });
        for (const worker of [0, 1]) await killServer(`${home.dir}/w${worker}/tmux.sock`);
        tally.check(
          "mutated configs through rune start",
          configs.length,
          configs.length - tally.lost,
        );
      });
      await t.step(
        "mutated tmuxinator and tmuxp files through rune import",
        () => importFuzz(home, tally, scaled(8, 300)),
      );
      await t.step(
        "mutated .rune.yaml through rune trust and rune start",
        () => localFuzz(home, tally, scaled(4, 150)),
      );
    } finally {
      for (const worker of [0, 1]) await killServer(`${home.dir}/w${worker}/tmux.sock`);
      home.cleanup();
    }
    tally.finish();
  },
});
