/** Transcript files: private, stripped of script's own lines for display, replay commands. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { prepareTranscript, replayArgv, stripScriptMarkers } from "../../src/state/transcripts.ts";

// Captured from util-linux 2.38.1: script -q -e --log-out L --log-timing T -c 'echo line1; …'
const CAPTURED = 'Script started on 2026-11-27 01:38:01+00:00 [COMMAND="echo line1; echo line2; ' +
  'exit 3" <not executed on terminal>]\nline1\r\nline2\r\n\nScript done on 2026-11-27 ' +
  '01:38:01+00:00 [COMMAND_EXIT_CODE="3"]\n';

Deno.test("stripScriptMarkers() leaves exactly what the command printed", async (t) => {
  await t.step("real log", () => strictEqual(stripScriptMarkers(CAPTURED), "line1\r\nline2\r\n"));
  await t.step("a command that prints the same words mid-log keeps them", () => {
    const text = "Script started on x\nScript done on y\r\nafter\r\n\nScript done on z\n";
    strictEqual(stripScriptMarkers(text), "Script done on y\r\nafter\r\n");
  });
  await t.step("a log cut short (script killed) keeps its tail", () => {
    strictEqual(stripScriptMarkers("Script started on x\npartial"), "partial");
  });
});

Deno.test("prepareTranscript() makes empty 0600 files in a 0700 dir, per flavour", () => {
  const dir = Deno.makeTempDirSync({ prefix: "rune-tr-" });
  try {
    const linux = prepareTranscript(`${dir}/rune`, "ab12cd34", "util-linux");
    deepStrictEqual(linux, {
      format: "util-linux",
      log: `${dir}/rune/transcripts/ab12cd34.log`,
      timing: `${dir}/rune/transcripts/ab12cd34.timing`,
    });
    const bsd = prepareTranscript(`${dir}/rune`, "ff000000", "bsd");
    deepStrictEqual(bsd, { format: "bsd", log: `${dir}/rune/transcripts/ff000000.script` });
    for (const f of [linux.log, linux.timing!, bsd.log]) {
      strictEqual(Deno.statSync(f).mode! & 0o777, 0o600);
      strictEqual(Deno.statSync(f).size, 0);
    }
    strictEqual(Deno.statSync(`${dir}/rune/transcripts`).mode! & 0o777, 0o700);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("replayArgv() uses scriptreplay for util-linux and script -p for BSD", () => {
  deepStrictEqual(replayArgv({ format: "util-linux", log: "/t/a.log", timing: "/t/a.timing" }), [
    "scriptreplay",
    "--log-timing",
    "/t/a.timing",
    "--log-out",
    "/t/a.log",
  ]);
  deepStrictEqual(replayArgv({ format: "bsd", log: "/t/a.script" }), [
    "script",
    "-p",
    "/t/a.script",
  ]);
});
