/**
 * Issue 18 "hostile values" and issue 10's "done when": hostile values from every source — the
 * project argument, the directory's name (non-UTF-8 bytes too), manifests, a git remote, the
 * config's names, `--var`, environment values — into every place they land (each quoting
 * context of a command, a background command, every template field), through the real
 * bundle, on a private tmux server that held the secrets before rune ran (and, under `make
 * stress`, on a server rune's own call starts). Counted: tried, executed (a `pwned…` file
 * appeared), leaked (a withheld value in a pane's environment or rune's output), stack
 * traces, altered (a value that did not arrive as given).
 */
import { hasTmux } from "../helpers/tmux_server.ts";
import { FULL, sample, scaled, Tally } from "./lib/tally.ts";
import { ARGV_VALUES, VALUES } from "./lib/values.ts";
import { withWorld } from "./lib/world.ts";
import { variablesCheck } from "./lib/hostile_checks.ts";
import {
  argumentCheck,
  directoryCheck,
  gitRemoteCheck,
  manifestCheck,
  namesCheck,
  nonUtf8Check,
} from "./lib/hostile_sources.ts";

Deno.test({
  name: "hostile values through every source into every place, on a server holding secrets",
  ignore: !hasTmux,
  async fn(t) {
    const tally = new Tally("hostile values", ["executed", "leaked", "stack traces", "altered"]);
    const few = (salt: number) => sample(ARGV_VALUES, scaled(4, ARGV_VALUES.length), salt);
    for (const server of FULL ? ["existing", "new"] as const : ["existing"] as const) {
      await t.step(
        `--var and env values into every field (${server} server)`,
        () =>
          withWorld(async (w) => {
            const values = sample(
              ARGV_VALUES,
              scaled(16, server === "new" ? 50 : ARGV_VALUES.length),
              1,
            );
            await variablesCheck(w, tally, "var", values);
            await variablesCheck(w, tally, "env", sample(ARGV_VALUES, scaled(8, 50), 2));
          }, { server }),
      );
    }
    await t.step("the project argument", () => withWorld((w) => argumentCheck(w, tally, few(3))));
    await t.step("the directory's name", () =>
      withWorld(async (w) => {
        await directoryCheck(w, tally, few(4));
        await nonUtf8Check(w, tally);
      }));
    await t.step("manifests", () =>
      withWorld((w) =>
        manifestCheck(
          w,
          tally,
          sample(VALUES, scaled(2, 25), 5),
          FULL ? ["package.json", "Cargo.toml", "go.mod", "pyproject.toml"] : ["package.json"],
        )
      ));
    await t.step(
      "a git remote",
      () => withWorld((w) => gitRemoteCheck(w, tally, sample(VALUES, scaled(2, 40), 6))),
    );
    await t.step(
      "configured names",
      () => withWorld((w) => namesCheck(w, tally, sample(VALUES, scaled(4, VALUES.length), 7))),
    );
    tally.finish();
  },
});
