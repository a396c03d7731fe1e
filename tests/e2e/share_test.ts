/**
 * Sharing a session with another Unix user (issue 19), as each user sees it: the invited
 * guest joins read-only (its typing is refused) and, once granted --write, types; the other
 * user cannot reach the socket at all; neither sees or reaches the owner's other sessions;
 * unshare detaches the guest within a second; rune stop leaves nothing to connect to.
 * The owner is root (the test machine's user), the guests are throwaway users.
 */
import {
  deepStrictEqual,
  doesNotMatch,
  match,
  ok as assertOk,
  strictEqual,
} from "node:assert/strict";
import { hasTmux } from "../helpers/tmux_server.ts";
import { hasSetfacl, USERS_SKIP } from "../helpers/unix_users.ts";
import { readAudit } from "../../src/state/mod.ts";
import { shareClients, uidOf, waitFor, withShareWorld } from "./share_fixture.ts";
import type { ShareWorld } from "./share_fixture.ts";

const skip = !hasTmux ? " (skipped: tmux is not installed)" : USERS_SKIP ||
  (hasSetfacl
    ? ""
    : " (skipped: setfacl is missing — the acl package; share_group_test.ts covers the group gate)");

function getfacl(path: string): string {
  const o = new Deno.Command("getfacl", { args: ["-p", path], stdout: "piped", stderr: "null" })
    .outputSync();
  return new TextDecoder().decode(o.stdout);
}

function auditLines(w: ShareWorld) {
  return readAudit(`${w.home.dir}/state/rune/audit.jsonl`).entries.filter((e) => e.share);
}

Deno.test({
  name: "a shared session: the guest watches read-only, types with --write, is detached at " +
    "once by unshare; the other user reaches nothing" + skip,
  ignore: skip !== "",
  fn: () =>
    withShareWorld("dev", async (w) => {
      const [alice, bob] = w.users;
      const aliceUid = await uidOf(w, alice);

      // The share: its own server, ACLs for alice only, the join command.
      const shared = await w.rune(["session", "share", "dev", "--user", alice]);
      strictEqual(shared.code, 0, shared.stderr);
      const dir = w.shareDir()!;
      const sock = `${dir}/sock`;
      match(shared.stdout, new RegExp(`shared "dev" with ${alice} \\(read-only\\)`));
      match(shared.stdout, / {2}join: {4}rune session join root\/dev\n/);
      assertOk(
        shared.stdout.includes(`tmux -S ${sock} attach-session -r -t '=dev'`),
        shared.stdout,
      );
      match(shared.stdout, /POSIX ACLs, set with setfacl/);
      match(getfacl(dir), new RegExp(`user:${alice}:--x`));
      match(getfacl(sock), new RegExp(`user:${alice}:rw-`));
      doesNotMatch(getfacl(dir) + getfacl(sock), new RegExp(bob));
      strictEqual(Deno.statSync(`${w.shareRoot}/rune-share-0`).mode! & 0o777, 0o711);
      // Only the shared session lives there, with the same windows and panes.
      strictEqual((await w.share("list-sessions", "-F", "#{session_name}")).stdout, "dev\n");
      strictEqual(
        (await w.share("list-panes", "-s", "-t", "=dev:", "-F", "#{window_name}")).stdout,
        "editor\neditor\nlogs\n",
      );

      // tmux's messages ("Client is read-only") stay until the next key, however slow the box.
      await w.share("set-option", "-g", "display-time", "0");

      // alice joins in a terminal: she sees the session, her typing is refused.
      const term = await w.guestTerminal(alice, ["session", "join", "root/dev"]);
      await waitFor(async () => (await shareClients(w)).some((c) => c.uid === aliceUid && c.ro), {
        what: "alice's read-only client on the share server",
      });
      await w.share("send-keys", "-t", "=dev:editor.0", "echo OWNER-$((40+2))", "Enter");
      await w.outer.waitForText(term, "OWNER-42");
      await w.outer.tmux("send-keys", "-t", term, "echo GUEST-TYPED-1", "Enter");
      // Keys reach the server in order: once prefix-c is refused, the line before was too.
      await w.outer.tmux("send-keys", "-t", term, "C-b", "c");
      await w.outer.waitForText(term, "Client is read-only", 30_000);
      const seen = (await w.share("capture-pane", "-p", "-t", "=dev:editor.0")).stdout;
      doesNotMatch(seen, /GUEST-TYPED-1/);
      strictEqual((await w.share("list-windows", "-t", "=dev:", "-F", "x")).stdout, "x\nx\n");

      // Neither guest sees or reaches the owner's other sessions.
      await w.outer.tmux("send-keys", "-t", term, "C-b", ")");
      await w.outer.waitForText(term, "Can't find next session");
      for (const user of [alice, bob]) {
        const other = await w.runAs(user, ["tmux", "-S", w.owner.socket, "list-sessions"]);
        match(other.stderr, /error connecting to .* \(Permission denied\)/, user);
      }
      match(
        (await w.runAs(alice, ["tmux", "-S", sock, "list-sessions"])).stderr,
        /client is read-only/,
      );

      // bob cannot reach the socket at all, and rune says why.
      const bobTmux = await w.runAs(bob, ["tmux", "-S", sock, "list-sessions"]);
      match(bobTmux.stderr, /error connecting to .* \(Permission denied\)/);
      const bobJoin = await w.asGuest(bob, ["session", "join", "root/dev"]);
      strictEqual(bobJoin.code, 1, bobJoin.stderr);
      match(bobJoin.stderr, /cannot join root\/dev: it is not shared with you/);
      const gone = await w.asGuest(alice, ["session", "join", "root/nothing"]);
      match(gone.stderr, /root does not share a session named "nothing"/);

      // The owner sees who may join and who is attached; the hook logged alice's join.
      const list = await w.rune(["session", "share", "--list", "--json"]);
      const shares = JSON.parse(list.stdout);
      deepStrictEqual(shares.map((s: { session: string }) => s.session), ["dev"]);
      deepStrictEqual(
        shares[0].guests.map((g: { user: string; access: string }) => [g.user, g.access]),
        [[alice, "read-only"]],
      );
      deepStrictEqual(shares[0].guests[0].clients.length, 1);
      strictEqual(shares[0].join, "rune session join root/dev");
      await waitFor(
        () => auditLines(w).some((e) => e.share!.event === "join" && e.user === alice),
        {
          what: "the owner's audit line of alice's join",
        },
      );
      const join = auditLines(w).find((e) => e.share!.event === "join")!;
      deepStrictEqual([join.share!.access, join.share!.guest], ["read-only", alice]);
      match(join.share!.client!, /^\/dev\/pts\/\d+$/);

      // --write: her attached client may type now; ls and the status line say so.
      const write = await w.rune(["session", "share", "dev", "--user", alice, "--write"]);
      strictEqual(write.code, 0, write.stderr);
      match(write.stdout, /write: a guest with write access types into your shells as you/);
      await waitFor(async () => (await shareClients(w)).some((c) => c.uid === aliceUid && !c.ro));
      await w.outer.tmux("send-keys", "-t", term, "echo WRITE-$((6*7))", "Enter");
      await waitFor(
        async () => /WRITE-42/.test((await w.share("capture-pane", "-p", "-t", "=dev:")).stdout),
        { what: "alice's typing in the shared pane" },
      );
      await w.outer.waitForText(term, `SHARED WITH WRITE ACCESS: ${alice}`);
      match((await w.rune(["session", "ls"])).stdout, new RegExp(`dev .* WRITE: ${alice}`));
      // With write access she still sees only the shared session.
      strictEqual(
        (await w.runAs(alice, ["tmux", "-S", sock, "list-sessions", "-F", "#{session_name}"]))
          .stdout,
        "dev\n",
      );

      // unshare: detached within a second, refused from then on, the ACL entries gone.
      const revoke = await w.rune(["session", "unshare", "dev", "--user", alice]);
      strictEqual(revoke.code, 0, revoke.stderr);
      match(
        revoke.stdout,
        new RegExp(`${alice} may no longer join "dev" \\(was write\\); detached 1 client`),
      );
      await waitFor(async () => !(await shareClients(w)).some((c) => c.uid === aliceUid), {
        timeoutMs: 1_000,
        what: "alice's client gone within a second",
      });
      await w.outer.waitForText(term, "[access not allowed]");
      doesNotMatch(getfacl(sock) + getfacl(dir), new RegExp(alice));
      const again = await w.asGuest(alice, ["session", "join", "root/dev"]);
      strictEqual(again.code, 1);
      match(again.stderr, /it is not shared with you/);
      const events = auditLines(w).map((e) => `${e.share!.event} ${e.share!.guest ?? ""}`.trim());
      deepStrictEqual(events.filter((e) => !e.startsWith("join")), [
        `grant ${alice}`,
        `grant ${alice}`,
        `revoke ${alice}`,
        `detach ${alice}`,
      ]);

      // rune stop ends the share: no directory, no server, nothing to connect to.
      strictEqual((await w.rune(["session", "share", "dev", "--user", bob])).code, 0);
      const stopped = await w.rune(["stop", "web"]);
      strictEqual(stopped.code, 0, stopped.stderr);
      match(stopped.stderr, /ended the share of "dev"/);
      strictEqual(w.shareDir(), undefined);
      match(
        (await w.runAs(bob, ["tmux", "-S", sock, "list-sessions"])).stderr,
        /No such file or directory/,
      );
      strictEqual(await w.owner.tmux("list-sessions", "-F", "#{session_name}"), "dev\nprivate");
    }),
});
