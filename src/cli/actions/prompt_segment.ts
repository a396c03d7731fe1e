/**
 * `rune prompt`: one short line for a shell prompt. Reads only the work-session store and
 * $RUNE_PROJECT (no config, YAML, zod or template engine); a store that does not exist is no
 * session, and a store that cannot be read prints nothing on stdout (its one line goes to
 * stderr), so a prompt never shows an error message in place of the segment.
 */
import { writeOrStop } from "../../base/mod.ts";
import { EXIT } from "../exit_codes.ts";
import { openWorkStore } from "../work_store.ts";
import { promptSegment } from "../prompt_segment.ts";
import type { WorkSession } from "../../tracking/mod.ts";

export function runPrompt(options: { format?: string }): number {
  let session: WorkSession | undefined;
  const opened = openWorkStore({ create: false });
  if (!opened.ok) return opened.code;
  if (opened.value) {
    try {
      const current = opened.value.currentSession();
      if (current.ok) session = current.value;
    } finally {
      opened.value.close();
    }
  }
  const text = promptSegment({
    session,
    hookProject: Deno.env.get("RUNE_PROJECT") || undefined,
    now: Date.now(),
    format: options.format,
  });
  if (text) writeOrStop(Deno.stdout, `${text}\n`);
  return EXIT.ok;
}
