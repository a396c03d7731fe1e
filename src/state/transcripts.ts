/**
 * Full transcripts of interactive runs (opt-in: settings.audit.transcripts), because they can
 * hold whatever was typed, secrets included. Files are made 0600 in a 0700 directory BEFORE
 * `script` opens them (it truncates and keeps the mode). util-linux transcripts replay with
 * `scriptreplay`; BSD ones with `script -p`.
 * Needs --allow-write on $XDG_STATE_HOME/rune/transcripts.
 */
import type { ScriptFlavour } from "../contract/mod.ts";
import type { TranscriptRef } from "./audit.ts";
import { pathComponent } from "../base/mod.ts";

export function transcriptDir(stateDir: string): string {
  return `${stateDir}/transcripts`;
}

/** Creates the (empty, private) files `script` will record run `id` into. */
export function prepareTranscript(
  stateDir: string,
  id: string,
  flavour: ScriptFlavour,
): TranscriptRef {
  const dir = transcriptDir(stateDir);
  const name = pathComponent(id, "run");
  Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const make = (path: string) => {
    Deno.writeFileSync(path, new Uint8Array(), { mode: 0o600 });
    Deno.chmodSync(path, 0o600);
    return path;
  };
  return flavour === "util-linux"
    ? { format: flavour, log: make(`${dir}/${name}.log`), timing: make(`${dir}/${name}.timing`) }
    : { format: flavour, log: make(`${dir}/${name}.script`) };
}

/**
 * A util-linux log without the lines `script` adds even with -q ("Script started on …" first,
 * "\nScript done on …" last; FACTS §6c), as the command showed it. Pure.
 */
export function stripScriptMarkers(text: string): string {
  return text
    .replace(/^Script started on [^\n]*\n/, "")
    .replace(/\nScript done on [^\n]*\n?$/, "");
}

/** The command that replays a transcript at the speed it was recorded. */
export function replayArgv(t: TranscriptRef): string[] {
  return t.format === "util-linux" && t.timing
    ? ["scriptreplay", "--log-timing", t.timing, "--log-out", t.log]
    : ["script", "-p", t.log];
}
