import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  endGroup,
  groupAlive,
  parseProcessStarts,
  processStarts,
} from "../../src/exec/process_group.ts";
import { denoRuntime } from "../../src/runtime.ts";
import { fakeRuntime } from "../helpers/fake_runtime.ts";
import { killGroup, pidsWithMarker, uniqueMarker } from "../helpers/plan_fixture.ts";

Deno.test("endGroup() sends TERM, polls the group, and stops when it is gone", async () => {
  let polls = 0;
  const rt = fakeRuntime((argv) => ({ code: argv[1] === "-0" && ++polls >= 2 ? 1 : 0 }));
  await endGroup(rt, 4242, { graceMs: 10_000, pollMs: 1 });
  deepStrictEqual(rt.calls, [
    ["kill", "-TERM", "--", "-4242"],
    ["kill", "-0", "--", "-4242"],
    ["kill", "-0", "--", "-4242"],
  ]);
});

Deno.test("endGroup() sends KILL when the group outlives the grace period", async () => {
  const clock = { now: 0 };
  // Every kill call takes 400 ms of the fake clock; the group never goes.
  const rt = fakeRuntime(() => {
    clock.now += 400;
    return {};
  }, clock);
  await endGroup(rt, 7, { first: "INT", graceMs: 1000, pollMs: 1 });
  deepStrictEqual(rt.calls, [
    ["kill", "-INT", "--", "-7"], // t=400, deadline 1400
    ["kill", "-0", "--", "-7"], // 800
    ["kill", "-0", "--", "-7"], // 1200
    ["kill", "-0", "--", "-7"], // 1600: past the deadline
    ["kill", "-KILL", "--", "-7"],
  ]);
});

Deno.test("endGroup() does nothing more when no process was left to signal", async () => {
  const rt = fakeRuntime(() => ({ code: 1 }));
  await endGroup(rt, 9);
  deepStrictEqual(rt.calls, [["kill", "-TERM", "--", "-9"]]);
});

Deno.test("parseProcessStarts() reads ps -o pid=,lstart= output", () => {
  const text = "  123 Fri Nov 27 01:20:36 2026\n 4567 Sat Nov  7 09:05:01 2026\n\n";
  deepStrictEqual(
    [...parseProcessStarts(text)],
    [[123, "Fri Nov 27 01:20:36 2026"], [4567, "Sat Nov 7 09:05:01 2026"]],
  );
});

Deno.test("the real kill and ps reach a detached group and its members", async () => {
  const marker = uniqueMarker("group");
  const child = new Deno.Command("sh", {
    args: ["-c", `sh -c 'sleep 300; : ${marker}' & wait`],
    detached: true,
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    const starts = await processStarts(denoRuntime, [child.pid, 999_999_999]);
    strictEqual(starts.size, 1);
    strictEqual(starts.has(child.pid), true);
    strictEqual(await groupAlive(denoRuntime, child.pid), true);
    await endGroup(denoRuntime, child.pid, { graceMs: 2000 });
    await child.status;
    strictEqual(await groupAlive(denoRuntime, child.pid), false);
    deepStrictEqual(pidsWithMarker(marker), []);
  } finally {
    killGroup(child.pid);
  }
});
