/** Reading `script --version`: util-linux names itself, BSD prints usage, 127 is none. */
import { strictEqual } from "node:assert/strict";
import { detectScriptFlavour, scriptFlavourFrom } from "../../src/pty/flavour.ts";
import { denoRuntime } from "../../src/exec/deno_runtime.ts";
import { countingRuntime } from "../helpers/fake_runtime.ts";

Deno.test("scriptFlavourFrom() tells the flavours apart from real outputs", async (t) => {
  const rows = [
    {
      name: "util-linux 2.38.1 (this machine)",
      out: { code: 0, stdout: "script from util-linux 2.38.1\n", stderr: "" },
      want: "util-linux",
    },
    {
      name: "macOS: illegal option and usage on stderr",
      out: {
        code: 1,
        stdout: "",
        stderr:
          "script: illegal option -- -\nusage: script [-adkpqr] [-t time] [file [command ...]]\n",
      },
      want: "bsd",
    },
    {
      name: "FreeBSD: unrecognized option",
      out: {
        code: 1,
        stdout: "",
        stderr: "script: unrecognized option `--version'\nusage: script [-aeFfkqrw] [-t time] " +
          "[file [command ...]]\n       script -p [-deq] [-T fmt] [file]\n",
      },
      want: "bsd",
    },
    { name: "not installed", out: { code: 127, stdout: "", stderr: "" }, want: null },
  ];
  for (const r of rows) {
    await t.step(r.name, () => strictEqual(scriptFlavourFrom(r.out), r.want));
  }
});

Deno.test("detectScriptFlavour() probes once per process and finds util-linux here", async () => {
  const counting = countingRuntime(denoRuntime);
  strictEqual(await detectScriptFlavour(counting), "util-linux");
  strictEqual(await detectScriptFlavour(counting), "util-linux");
  strictEqual(counting.calls.length, 1);
});
