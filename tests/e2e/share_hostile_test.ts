/**
 * Hostile names stay literal through sharing (issue 19): user names that would run a command
 * in tmux's format expansion, a trailing `;` (tmux's separator), an option, root, a name that
 * is no user — all refused before any reaches tmux or setfacl; and a session name full of
 * quotes, `;`, `/` and what were `$(…)`/`#(…)` is shared, joined, listed and ended as itself.
 */
import { match, ok as assertOk, strictEqual } from "node:assert/strict";
import { shellQuote } from "../../src/shell/mod.ts";
import { hasTmux } from "../helpers/tmux_server.ts";
import { canMakeUsers, hasSetfacl, USERS_SKIP } from "../helpers/unix_users.ts";
import { shareClients, uidOf, waitFor, withShareWorld } from "./share_fixture.ts";

const exists = (path: string) => Deno.stat(path).then(() => true, () => false);

Deno.test({
  name: "share refuses hostile and wrong user names literally, before any reaches tmux" +
    (!hasTmux ? " (skipped: tmux is not installed)" : USERS_SKIP),
  ignore: !hasTmux || !canMakeUsers,
  fn: () =>
    withShareWorld("dev", async (w) => {
      const pwn = `${w.shareRoot}/pwned`;
      const r = await w.rune([
        "session",
        "share",
        "dev",
        "--user",
        `#(touch ${pwn})${w.users[0]}`,
        "--user",
        `${w.users[0]};`,
        "--user",
        "root",
        "--user",
        "-rf",
        "--user",
        "nobody-at-all",
      ]);
      strictEqual(r.code, 2, r.stderr);
      assertOk(r.stderr.includes(`"#(touch ${pwn})${w.users[0]}" is not a user name`), r.stderr);
      assertOk(r.stderr.includes(`"${w.users[0]};" is not a user name`), r.stderr);
      match(r.stderr, /"root" is root/);
      match(r.stderr, /"-rf" is not a user name/);
      match(r.stderr, /user "nobody-at-all" does not exist/);
      strictEqual(w.shareDir(), undefined, "nothing was shared");
      assertOk(!(await Deno.stat(pwn).then(() => true, () => false)), "no command ran");
      const none = await w.rune(["session", "share", "dev"]);
      strictEqual(none.code, 2);
      match(none.stderr, /no user was named/);
    }),
});

// rune's sanitizer turns `$` and `#` into `_`; quotes, `;`, `/`, parentheses stay.
const TEMPLATE_NAME = `ev'il "x" $(touch PWN1) #(touch PWN2) a/b y;`;
const STORED = `ev'il "x" _(touch PWN1) _(touch PWN2) a/b y;`;

Deno.test({
  name: "a session named with quotes, ; and / is shared, joined and ended as itself" +
    (!hasTmux
      ? " (skipped: tmux is not installed)"
      : USERS_SKIP || (hasSetfacl ? "" : " (skipped: setfacl is missing — the acl package)")),
  ignore: !hasTmux || !canMakeUsers || !hasSetfacl,
  fn: () =>
    withShareWorld(TEMPLATE_NAME, async (w) => {
      const [alice] = w.users;
      const aliceUid = await uidOf(w, alice);
      strictEqual(
        await w.owner.tmux("list-sessions", "-F", "#{session_name}"),
        `${STORED}\nprivate`,
      );
      const shared = await w.rune(["session", "share", STORED, "--user", alice]);
      strictEqual(shared.code, 0, shared.stderr);
      const join = `rune session join ${shellQuote(`root/${STORED}`)}`;
      assertOk(shared.stdout.includes(`join:    ${join}\n`), shared.stdout);
      strictEqual((await w.share("list-sessions", "-F", "#{session_name}")).stdout, `${STORED}\n`);
      const term = await w.guestTerminal(alice, ["session", "join", `root/${STORED}`]);
      await waitFor(async () => (await shareClients(w)).some((c) => c.uid === aliceUid), {
        what: "alice attached to the hostile-named share",
      });
      const client = (await w.share("list-clients", "-F", "#{client_uid}\t#{session_name}")).stdout;
      assertOk(client.includes(`${aliceUid}\t${STORED}`), client);
      await w.outer.waitForText(term, "read-only: ");
      const list = await w.rune(["session", "share", "--list"]);
      assertOk(list.stdout.includes(`${STORED}: socket `), list.stdout);
      const killed = await w.rune(["session", "kill", STORED]);
      strictEqual(killed.code, 0, killed.stderr);
      match(killed.stderr, /ended the share of/);
      strictEqual(w.shareDir(), undefined);
      for (const f of ["PWN1", "PWN2", `${w.dir}/PWN1`, `${w.dir}/PWN2`]) {
        assertOk(!(await exists(f)), `${f} was made`);
      }
    }),
});
