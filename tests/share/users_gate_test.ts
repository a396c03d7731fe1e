import { deepStrictEqual, ok as assertOk } from "node:assert/strict";
import { decideGuests, parsePasswd } from "../../src/share/users.ts";
import type { PasswdEntry } from "../../src/share/users.ts";
import { aclGrantArgv, aclRevokeArgv, chooseGate, parseGroup } from "../../src/share/gate.ts";

const owner: PasswdEntry = { name: "olga", uid: 1000, gid: 1000, home: "/home/olga" };
const alice: PasswdEntry = { name: "alice", uid: 1001, gid: 1001, home: "/home/alice" };
const bob: PasswdEntry = { name: "bob", uid: 1002, gid: 1002, home: "/home/bob" };

Deno.test("parsePasswd() reads getent's line; anything else is undefined", () => {
  deepStrictEqual(parsePasswd("rsxg1:x:1001:1001::/home/rsxg1:/bin/sh\n"), {
    name: "rsxg1",
    uid: 1001,
    gid: 1001,
    home: "/home/rsxg1",
  });
  deepStrictEqual(parsePasswd("garbage"), undefined);
  deepStrictEqual(parsePasswd("a:x:uid:1:::"), undefined);
});

Deno.test("decideGuests() refuses every bad name at once, each shown literally", async (t) => {
  const lookup = new Map<string, PasswdEntry | undefined>([
    ["alice", alice],
    ["bob", bob],
    ["root", { name: "root", uid: 0, gid: 0, home: "/root" }],
    ["olga", owner],
    ["ghost", undefined],
  ]);
  const cases: { name: string; users: string[]; want: string[] | RegExp[] }[] = [
    {
      name: "known users pass, duplicates once",
      users: ["alice", "bob", "alice"],
      want: ["alice", "bob"],
    },
    {
      name: "a format that would run a command never reaches tmux",
      users: ["#(touch /tmp/pwn)alice"],
      want: [/"#\(touch \/tmp\/pwn\)alice" is not a user name/],
    },
    {
      name: "a trailing ; (tmux's separator)",
      users: ["alice;"],
      want: [/"alice;" is not a user name/],
    },
    { name: "an option-looking name", users: ["-rf"], want: [/"-rf" is not a user name/] },
    { name: "root is refused", users: ["root"], want: [/"root" is root/] },
    { name: "the owner is refused", users: ["olga"], want: [/"olga" is you/] },
    { name: "an unknown user", users: ["ghost"], want: [/user "ghost" does not exist/] },
    { name: "a uid is not a name", users: ["1001"], want: [/"1001" is not a user name/] },
    {
      name: "all problems in one message",
      users: ["ghost", "root", "x y"],
      want: [/"ghost" does not exist.*; "root" is root.*; "x y" is not a user name/],
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const r = decideGuests(c.users, lookup, owner, 'share "dev"');
      if (r.ok) deepStrictEqual(r.value.map((g) => g.name), c.want);
      else {
        for (const re of c.want as RegExp[]) assertOk(re.test(r.error.problem), r.error.problem);
        deepStrictEqual(r.error.exit, "usage");
      }
    });
  }
});

Deno.test("parseGroup() reads getent group lines", () => {
  deepStrictEqual(parseGroup("rnshare:x:1005:alice,bob"), {
    name: "rnshare",
    gid: 1005,
    members: ["alice", "bob"],
  });
  deepStrictEqual(parseGroup("empty:x:7:"), { name: "empty", gid: 7, members: [] });
});

Deno.test("chooseGate(): ACLs, else a group holding exactly the guests, else the fix", async (t) => {
  const users = [owner, alice, bob];
  const cases: {
    name: string;
    setfacl: boolean;
    groups: string[];
    guests: PasswdEntry[];
    want: string;
  }[] = [
    { name: "setfacl: ACLs", setfacl: true, groups: [], guests: [alice], want: "acl" },
    {
      name: "a group with the guest and the owner fits",
      setfacl: false,
      groups: ["pair:x:2000:alice,olga"],
      guests: [alice],
      want: "group pair",
    },
    {
      name: "a group with one member too many does not",
      setfacl: false,
      groups: ["pair:x:2000:alice,bob,olga"],
      guests: [alice],
      want: "refused",
    },
    {
      name: "a group the (non-root) owner is not in cannot be given",
      setfacl: false,
      groups: ["pair:x:2000:alice"],
      guests: [alice],
      want: "refused",
    },
    {
      name: "members by primary group count (bob's own group holds bob)",
      setfacl: false,
      groups: ["bob:x:1002:olga"],
      guests: [bob],
      want: "group bob",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const r = chooseGate({
        setfacl: c.setfacl,
        owner,
        guests: c.guests,
        groups: c.groups.map((g) => parseGroup(g)!),
        users,
      }, "dev");
      const got = r.ok ? (r.value.kind === "acl" ? "acl" : `group ${r.value.group}`) : "refused";
      deepStrictEqual(got, c.want);
      if (!r.ok) {
        assertOk(/install the "acl" package/.test(r.error.hint!), r.error.hint);
        assertOk(/usermod -aG rune-share alice/.test(r.error.hint!), r.error.hint);
        deepStrictEqual(r.error.exit, "missing");
      }
    });
  }
  await t.step("root may give any group: the guest's own group fits", () => {
    const root = { name: "root", uid: 0, gid: 0, home: "/root" };
    const r = chooseGate({
      setfacl: false,
      owner: root,
      guests: [alice],
      groups: [parseGroup("alice:x:1001:")!],
      users,
    }, "dev");
    deepStrictEqual(r.ok && r.value, { kind: "group", group: "alice", gid: 1001 });
  });
});

Deno.test("aclGrantArgv()/aclRevokeArgv(): enter-only on the dir, rw on the socket, in two calls", () => {
  deepStrictEqual(aclGrantArgv("/s/d", "/s/d/sock", ["alice", "bob"]), [
    ["setfacl", "-m", "u:alice:--x,u:bob:--x", "--", "/s/d"],
    ["setfacl", "-m", "u:alice:rw-,u:bob:rw-", "--", "/s/d/sock"],
  ]);
  deepStrictEqual(aclRevokeArgv("/s/d", "/s/d/sock", ["alice"]), [
    ["setfacl", "-x", "u:alice", "--", "/s/d/sock"],
    ["setfacl", "-x", "u:alice", "--", "/s/d"],
  ]);
  deepStrictEqual(aclGrantArgv("/s/d", "/s/d/sock", []), []);
});
