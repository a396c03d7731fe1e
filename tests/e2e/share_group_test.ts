/**
 * Sharing without setfacl (issue 19): the gate falls back to a group that holds exactly the
 * guests — for a root owner, a guest's own group — or refuses with the fix. Run with a PATH
 * that has no setfacl, so it also runs (and is the gate's test) on machines without the acl
 * package.
 */
import { deepStrictEqual, doesNotMatch, match, strictEqual } from "node:assert/strict";
import { hasTmux } from "../helpers/tmux_server.ts";
import { USERS_SKIP } from "../helpers/unix_users.ts";
import { withShareWorld } from "./share_fixture.ts";

/** A PATH directory with what rune needs here, and no setfacl. */
function pathWithoutSetfacl(dir: string): string {
  const bin = `${dir}/bin`;
  Deno.mkdirSync(bin);
  for (const name of ["sh", "tmux", "getent", "env", "rm", "cat", "ps", "kill", "stty"]) {
    for (const where of ["/usr/bin", "/bin", "/usr/local/bin"]) {
      try {
        Deno.symlinkSync(Deno.realPathSync(`${where}/${name}`), `${bin}/${name}`);
        break;
      } catch { /* not here */ }
    }
  }
  return bin;
}

Deno.test({
  name: "without setfacl a group holding exactly the guest is the gate; without one, the fix" +
    (!hasTmux ? " (skipped: tmux is not installed)" : USERS_SKIP),
  ignore: !hasTmux || USERS_SKIP !== "",
  fn: () =>
    withShareWorld("dev", async (w) => {
      const [alice, bob] = w.users;
      const env = { PATH: pathWithoutSetfacl(w.home.dir) };

      // No group holds exactly alice and bob (each has only their own): refused, with the fix.
      const both = await w.rune(["session", "share", "dev", "--user", alice, "--user", bob], env);
      strictEqual(both.code, 3, both.stderr);
      match(both.stderr, /setfacl is not installed, and no group holds exactly those users/);
      match(both.stderr, /install the "acl" package/);
      match(
        both.stderr,
        new RegExp(`usermod -aG rune-share ${alice}; usermod -aG rune-share ${bob}`),
      );
      strictEqual(w.shareDir(), undefined);

      // alice alone: her own group is the gate (the owner is root, who may give any group).
      const shared = await w.rune(["session", "share", "dev", "--user", alice], env);
      strictEqual(shared.code, 0, shared.stderr);
      match(shared.stdout, new RegExp(`belong to group "${alice}" \\(mode 0710 / 0660\\)`));
      const dir = w.shareDir()!;
      const sock = `${dir}/sock`;
      const gid = Number((await w.runAs(alice, ["id", "-g"])).stdout.trim());
      deepStrictEqual([Deno.statSync(dir).gid, Deno.statSync(dir).mode! & 0o777], [gid, 0o710]);
      deepStrictEqual([Deno.statSync(sock).gid, Deno.statSync(sock).mode! & 0o666], [gid, 0o660]);
      match(
        (await w.runAs(alice, ["tmux", "-S", sock, "has-session"])).stderr,
        /client is read-only/,
      );
      match((await w.runAs(bob, ["tmux", "-S", sock, "has-session"])).stderr, /Permission denied/);
      const printed = await w.asGuest(alice, ["session", "join", "root/dev", "--print"]);
      strictEqual(printed.code, 0, printed.stderr);
      strictEqual(printed.stdout, `tmux -S ${sock} attach-session -E -r -t '=dev'\n`);

      // Revoking leaves her in the group (rune says so); tmux's ACL refuses her.
      const revoke = await w.rune(["session", "unshare", "dev", "--user", alice], env);
      strictEqual(revoke.code, 0, revoke.stderr);
      match(
        revoke.stderr,
        new RegExp(
          `${alice} is still in group "${alice}", which can reach the socket; tmux refuses them`,
        ),
      );
      match(
        (await w.runAs(alice, ["tmux", "-S", sock, "has-session"])).stderr,
        /access not allowed/,
      );
      const refused = await w.asGuest(alice, ["session", "join", "root/dev"]);
      match(refused.stderr, /tmux refuses you: "access not allowed"/);

      // Ending the share removes it all.
      const end = await w.rune(["session", "unshare", "dev"], env);
      strictEqual(end.code, 0, end.stderr);
      strictEqual(w.shareDir(), undefined);
      doesNotMatch((await w.runAs(alice, ["tmux", "-S", sock, "has-session"])).stderr, /read-only/);
    }),
});
