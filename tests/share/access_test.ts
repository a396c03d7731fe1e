import { deepStrictEqual } from "node:assert/strict";
import {
  CLIENT_FORMAT,
  grantCommand,
  listClientsCommand,
  parseClients,
  parseServerAccess,
  revokeCommand,
  shareMark,
} from "../../src/share/access.ts";

Deno.test("grantCommand() always says -r or -w: `-a USER` alone would grant write", () => {
  deepStrictEqual(grantCommand("alice", "read-only", false), [
    "server-access",
    "-a",
    "-r",
    "alice",
  ]);
  deepStrictEqual(grantCommand("alice", "write", false), ["server-access", "-a", "-w", "alice"]);
  // Already listed: -a would fail ("user alice is already added"); -r/-w change it in place.
  deepStrictEqual(grantCommand("alice", "write", true), ["server-access", "-w", "alice"]);
  deepStrictEqual(grantCommand("alice", "read-only", true), ["server-access", "-r", "alice"]);
  deepStrictEqual(revokeCommand("alice"), ["server-access", "-d", "alice"]);
});

Deno.test("parseServerAccess() reads `server-access -l` and leaves the owner out", () => {
  // Captured on tmux 3.3a: a non-root owner's server lists the owner itself too.
  const captured = "rnguest1 (R)\nrnowner (W)\nrnguest2 (W)\n";
  deepStrictEqual(parseServerAccess(captured, "rnowner"), [
    { user: "rnguest1", access: "read-only" },
    { user: "rnguest2", access: "write" },
  ]);
  deepStrictEqual(parseServerAccess("", "root"), []);
});

Deno.test("parseClients() reads list-clients lines among other output", () => {
  deepStrictEqual(listClientsCommand(), ["list-clients", "-F", CLIENT_FORMAT]);
  // Captured from a share server (server-access -l ; list-clients -F CLIENT_FORMAT): a
  // read-only tty client, a control-mode client, and a session name with a tab in it.
  const captured = "rsxg1 (R)\n" +
    'C\t1001\t1\t0\t1796159628\trsxg1\t/dev/pts/12\tev\'il "x" _(touch /tmp/rsx/P1) a/b y;\n' +
    "C\t1001\t1\t1\t1796159630\trsxg1\tclient-13998\tsh\tared\n";
  deepStrictEqual(parseClients(captured), [
    {
      uid: 1001,
      readonly: true,
      control: false,
      created: 1796159628,
      user: "rsxg1",
      name: "/dev/pts/12",
      session: 'ev\'il "x" _(touch /tmp/rsx/P1) a/b y;',
    },
    {
      uid: 1001,
      readonly: true,
      control: true,
      created: 1796159630,
      user: "rsxg1",
      name: "client-13998",
      session: "sh\tared",
    },
  ]);
});

Deno.test("shareMark() makes write access stand out in the status line", () => {
  deepStrictEqual(shareMark([]), "shared with nobody yet");
  deepStrictEqual(shareMark([{ user: "alice", access: "read-only" }]), "read-only: alice");
  deepStrictEqual(
    shareMark([{ user: "alice", access: "read-only" }, { user: "bob", access: "write" }]),
    "SHARED WITH WRITE ACCESS: bob · read-only: alice",
  );
});
