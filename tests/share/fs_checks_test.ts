import { deepStrictEqual, ok as assertOk } from "node:assert/strict";
import { ensureBase, guestView } from "../../src/share/fs_checks.ts";

import { hasTmux } from "../helpers/tmux_server.ts";

const uid = Deno.uid()!;

function withDir(fn: (dir: string) => void | Promise<void>) {
  return async () => {
    const dir = Deno.makeTempDirSync({ prefix: "rune-share-fs-" });
    try {
      await fn(dir);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  };
}

Deno.test(
  "ensureBase() makes the base 0711, and refuses one that is a link or writable by others",
  withDir((dir) => {
    const base = `${dir}/rune-share-${uid}`;
    deepStrictEqual(ensureBase(base, uid).ok, true);
    deepStrictEqual(Deno.statSync(base).mode! & 0o777, 0o711);
    Deno.chmodSync(base, 0o700);
    deepStrictEqual(ensureBase(base, uid).ok, true);
    deepStrictEqual(Deno.statSync(base).mode! & 0o777, 0o711, "x for guests put back");
    Deno.chmodSync(base, 0o777);
    const open = ensureBase(base, uid);
    assertOk(!open.ok && /others may write in it/.test(open.error.problem));
    Deno.removeSync(base);
    Deno.mkdirSync(`${dir}/elsewhere`);
    Deno.symlinkSync(`${dir}/elsewhere`, base);
    const link = ensureBase(base, uid);
    assertOk(!link.ok && /symbolic link/.test(link.error.problem), "a planted link");
    const other = ensureBase(`${dir}/elsewhere`, uid + 1);
    assertOk(!other.ok && /belongs to uid/.test(other.error.problem), "someone else's dir");
  }),
);

Deno.test({
  name: "guestView() tells absent from untrusted, and never trusts a file posing as the socket" +
    (hasTmux ? "" : " (skipped: tmux makes the socket, and it is not installed)"),
  ignore: !hasTmux,
  fn: withDir((dir) => {
    const base = `${dir}/b`;
    const paths = { base, dir: `${base}/s`, socket: `${base}/s/sock` };
    deepStrictEqual(guestView(paths, uid), { kind: "absent", path: base });
    Deno.mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
    Deno.chmodSync(base, 0o711);
    deepStrictEqual(guestView(paths, uid), { kind: "absent", path: paths.socket });
    Deno.writeTextFileSync(paths.socket, "");
    deepStrictEqual(guestView(paths, uid).kind, "untrusted");
    deepStrictEqual(guestView(paths, uid + 1), {
      kind: "untrusted",
      path: base,
      why: `it belongs to uid ${uid}, not ${uid + 1}`,
    });
    Deno.removeSync(paths.socket);
    // A real socket (the test permissions have no net: tmux makes it).
    const tmux = (...args: string[]) =>
      new Deno.Command("tmux", { args: ["-S", paths.socket, "-f", "/dev/null", ...args] })
        .outputSync();
    tmux("new-session", "-d", "-s", "x");
    try {
      deepStrictEqual(guestView(paths, uid), { kind: "reachable" });
      Deno.chmodSync(paths.dir, 0o733);
      deepStrictEqual(guestView(paths, uid), {
        kind: "untrusted",
        path: paths.dir,
        why: "others may write in it",
      });
    } finally {
      tmux("kill-server");
    }
  }),
});
