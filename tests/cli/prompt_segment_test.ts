/** promptSegment(): the short line `rune prompt` prints. */
import { strictEqual } from "node:assert/strict";
import { compactDuration, promptSegment } from "../../src/cli/prompt_segment.ts";

const MIN = 60_000;

Deno.test("promptSegment() shows project, time worked (pauses left out) and paused", () => {
  const start = 0;
  const running = { project: "web", start, pauses: [{ start: 10 * MIN, end: 20 * MIN }] };
  strictEqual(promptSegment({ session: running, now: 75 * MIN }), "web 1h05m");
  const paused = { project: "web", start, pauses: [{ start: 30 * MIN }] };
  strictEqual(promptSegment({ session: paused, now: 500 * MIN }), "web 30m paused");
  strictEqual(
    promptSegment({ session: paused, now: 0, format: "<{project}:{state}:{worked}>" }),
    "<web:paused:30m>",
  );
});

Deno.test("promptSegment() without a session: the hook's project, else nothing", () => {
  strictEqual(promptSegment({ hookProject: "api", now: 0 }), "api");
  strictEqual(promptSegment({ now: 0 }), "");
  strictEqual(promptSegment({ hookProject: "a\x1b[2Jb\n", now: 0 }), "a[2Jb");
  strictEqual(compactDuration(59_999), "0m");
  strictEqual(compactDuration(600 * MIN), "10h00m");
});
