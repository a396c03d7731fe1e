/**
 * Output that can no longer be written stops; the ritual goes on. `rune start --json | head -1`
 * closes rune's stdout after the first result line, as a person's pipeline does.
 */
import { deepStrictEqual, doesNotMatch, strictEqual } from "node:assert/strict";
import { runeArgv } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import { killMarked, pidsWithMarker, uniqueMarker } from "../helpers/plan_fixture.ts";
import { readOr } from "../helpers/files.ts";

const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

Deno.test("rune start --json | head -1: the later steps still run, a background one too", async () => {
  const marker = uniqueMarker("closed-stdout");
  const config = `
rituals:
  start:
    global:
      - {name: first, command: "true"}
      - {name: waits, command: "while [ ! -f go ]; do sleep 0.05; done"}
      - {name: server, command: "exec sh -c 'sleep 300; : ${marker}'", background: true}
      - {name: last, command: "echo last-ran > last.txt"}
`;
  await withProject(config, async (home, dir) => {
    const env = { ...home.env, ...denoDir() };
    const rune = runeArgv(["start", "app", "--json"]).map(q).join(" ");
    const child = new Deno.Command("sh", {
      args: ["-c", `{ ${rune} 2>stderr.txt; echo $? > rc.txt; } | head -1`],
      cwd: dir,
      clearEnv: true,
      env,
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    try {
      const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
      let out = "";
      while (!out.includes("\n")) {
        const { value, done } = await reader.read();
        if (done) break;
        out += value;
      }
      strictEqual(JSON.parse(out).name, "first");
      // head has printed its line and exits: every later line meets a closed pipe.
      Deno.writeTextFileSync(`${dir}/go`, "");
      await reader.cancel();
      await child.status;
      const stderr = readOr(`${dir}/stderr.txt`);
      strictEqual(readOr(`${dir}/rc.txt`), "0\n", stderr);
      doesNotMatch(stderr, /BrokenPipe|Uncaught|error/i);
      strictEqual(readOr(`${dir}/last.txt`), "last-ran\n", stderr);
      deepStrictEqual(pidsWithMarker(marker).length, 1, "the background step started");
    } finally {
      killMarked(marker);
    }
  });
});

function denoDir(): Record<string, string> {
  const d = Deno.env.get("DENO_DIR");
  return d ? { DENO_DIR: d } : {};
}
