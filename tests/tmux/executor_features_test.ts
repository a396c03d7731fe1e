/**
 * The tmux executor on the template features, against a scripted fake tmux: synchronize
 * around the typing, attach: false, on_first_start / on_reuse, and --append.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { fakeRuntime } from "../helpers/fake_runtime.ts";
import { ctxWith, planned, shellsAnswer, unplanned, world } from "./executor_fixture.ts";
import { createTmuxExecutor } from "../../src/tmux/executor.ts";
import { decideTmuxWorld } from "../../src/tmux/world.ts";
import type { SessionLayout, TmuxStep } from "../../src/contract/mod.ts";

const withLayout = (extra: Partial<SessionLayout>, step: Partial<TmuxStep> = {}): TmuxStep =>
  planned({ ...unplanned, ...step, layout: { ...unplanned.layout!, ...extra } });
const synced = (when: "before" | "after") =>
  withLayout({ windows: [{ ...unplanned.layout!.windows[0], synchronize: when }] });
/** The tmux commands of a call (after `tmux -L t`), by name. */
const names = (argv: string[]) =>
  argv.slice(4).filter((_a, i, all) => i === 0 || all[i - 1] === ";");

Deno.test("synchronize: after sets synchronize-panes once the window's panes are typed", async () => {
  const runtime = fakeRuntime([shellsAnswer(["%1", "%2"]), {}, {}]);
  strictEqual(
    (await createTmuxExecutor({ world }).execute(synced("after"), ctxWith(runtime))).status,
    "ok",
  );
  deepStrictEqual(runtime.calls.slice(1).map(names), [
    [
      ...["display-message", "copy-mode", "pipe-pane", "send-keys", "send-keys"],
      ...["display-message", "copy-mode", "pipe-pane", "send-keys", "send-keys"],
    ],
    ["set-option"],
  ]);
  deepStrictEqual(runtime.calls[2].slice(4), [
    "set-option",
    "-w",
    "-t",
    "%1",
    "synchronize-panes",
    "on",
  ]);
});

Deno.test("synchronize: before sets it once all the window's panes read, then types them", async () => {
  const runtime = fakeRuntime([shellsAnswer(["%1", "%2"]), {}, {}]);
  await createTmuxExecutor({ world }).execute(synced("before"), ctxWith(runtime));
  deepStrictEqual(runtime.calls.slice(1).map(names), [
    ["set-option"],
    [
      ...["display-message", "copy-mode", "pipe-pane", "send-keys", "send-keys"],
      ...["display-message", "copy-mode", "pipe-pane", "send-keys", "send-keys"],
    ],
  ]);
});

Deno.test("attach: false leaves the session detached: how to attach, and no tmux call", async () => {
  const attaching = decideTmuxWorld({
    flags: { name: "t" },
    env: { PATH: "/bin" },
    baseEnv: { PATH: "/bin" },
    terminal: { stdin: true, stdout: true },
    detach: false,
    uid: 0,
  });
  strictEqual(attaching.show, "attach");
  const runtime = fakeRuntime([shellsAnswer(["%1", "%2"]), {}]);
  const ex = createTmuxExecutor({ world: attaching });
  await ex.execute(withLayout({ attach: false }), ctxWith(runtime));
  const before = runtime.calls.length;
  const lines = await ex.finish(runtime);
  strictEqual(runtime.calls.length, before, "no attach-session");
  deepStrictEqual(lines, [
    `tmux session "dev-web" is ready (detached); attach with: tmux -L t attach-session -t '=dev-web'`,
  ]);
});

Deno.test("on_first_start runs after the session is built and typed; a failing one says so", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const runtime = fakeRuntime([shellsAnswer(["%1", "%2"]), {}]);
    const hooked = withLayout({ dir, onFirstStart: [`echo made > made`, "exit 3"] });
    const outcome = await createTmuxExecutor({ world }).execute(hooked, ctxWith(runtime));
    strictEqual(Deno.readTextFileSync(`${dir}/made`), "made\n");
    strictEqual(outcome.status, "failed");
    match(
      outcome.message ?? "",
      /^session "dev-web" is built, but its on_first_start command "exit 3"/,
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("on_reuse runs when rune's own session already exists, on_first_start does not", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const runtime = fakeRuntime([
      { code: 1, stderr: "duplicate session: dev-web\n" },
      { stdout: "web\n" }, // show-options @rune-project: rune made it
    ]);
    // Hooks run in the session's dir.
    const hooked = withLayout({
      dir,
      onFirstStart: ["echo first >> log"],
      onReuse: ["echo reuse >> log"],
    });
    const outcome = await createTmuxExecutor({ world }).execute(hooked, ctxWith(runtime));
    strictEqual(outcome.status, "ok");
    strictEqual(Deno.readTextFileSync(`${dir}/log`), "reuse\n");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("--append adds the windows the session lacks, after its last, and types them", async () => {
  const layout: Partial<SessionLayout> = {
    windows: [
      { ...unplanned.layout!.windows[0], name: "editor" },
      {
        name: "logs",
        dir: "/p",
        focus: false,
        panes: [{ commands: ["tail"], dir: "/p", focus: false, exec: false }],
      },
    ],
  };
  const step = withLayout(layout, { append: true });
  const runtime = fakeRuntime([
    { code: 1, stderr: "duplicate session: dev-web\n" },
    { stdout: "$7\tweb\neditor\nother\n" }, // the session's id, its mark, its windows
    shellsAnswer(["%9"], ""),
    {}, // select-window
    {}, // typing
  ]);
  const outcome = await createTmuxExecutor({ world }).execute(step, ctxWith(runtime));
  strictEqual(outcome.status, "ok");
  strictEqual(outcome.message, 'added 1 window(s) to session "dev-web": logs');
  deepStrictEqual(runtime.calls[2].slice(4, 11), [
    "new-window",
    "-a",
    "-t",
    "$7:{end}",
    "-n",
    "logs",
    "-c",
  ]);
  deepStrictEqual(runtime.calls[3].slice(4), ["select-window", "-t", "%9"]);
  deepStrictEqual(runtime.calls[4].slice(4).filter((a) => a === "tail"), ["tail"]);
});

Deno.test("--append never adds to a session rune did not make", async () => {
  const step = withLayout({}, { append: true });
  const runtime = fakeRuntime([
    { code: 1, stderr: "duplicate session: dev-web\n" },
    { stdout: "$7\t\nw\n" }, // no @rune-project
    { stdout: "\n" }, // show-options, as a reuse asks
  ]);
  const outcome = await createTmuxExecutor({ world }).execute(step, ctxWith(runtime));
  strictEqual(outcome.status, "failed");
  match(outcome.message ?? "", /a tmux session of that name exists that rune did not make/);
});
