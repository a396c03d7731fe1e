/**
 * Whether a local TCP port accepts connections, for `ready: {port: N}`: a connection to
 * 127.0.0.1, then [::1], opened and closed at once. rune's permission set allows the network
 * for these two hosts only (deno.json: "net": ["127.0.0.1", "[::1]"]). Without that
 * permission Deno.connect throws NotCapable, which a "failed = not yet" loop would turn into
 * waiting for ever: the permission is queried first (never a prompt) and a denial is an
 * answer that says which permission to add. (The kernel's /proc/net/tcp would need no
 * connection, but Deno reads /proc/net only with --allow-all.)
 * Needs --allow-net=127.0.0.1,[::1].
 */

export type PortAnswer =
  | { kind: "listening" }
  | { kind: "not-yet" }
  /** It cannot be told: why, and what to do. */
  | { kind: "unknown"; problem: string; hint: string };

const HOSTS = [{ connect: "127.0.0.1", permission: "127.0.0.1" }, {
  connect: "::1",
  permission: "[::1]",
}];

export async function probePort(port: number): Promise<PortAnswer> {
  let allowed = 0;
  for (const host of HOSTS) {
    const query = { name: "net", host: `${host.permission}:${port}` } as const;
    if ((await Deno.permissions.query(query)).state !== "granted") continue;
    allowed++;
    try {
      const conn = await Deno.connect({ hostname: host.connect, port });
      conn.close();
      return { kind: "listening" };
    } catch (e) {
      if (e instanceof Deno.errors.NotCapable) allowed--;
      // ConnectionRefused (nothing listens yet), or no IPv6 here: not yet, on this host.
    }
  }
  if (allowed) return { kind: "not-yet" };
  return {
    kind: "unknown",
    problem: `cannot tell whether port ${port} accepts connections: rune may not connect to ` +
      `127.0.0.1`,
    hint: `Run with rune's permission set (deno run -P, which allows 127.0.0.1 and [::1]), or ` +
      `add --allow-net=127.0.0.1`,
  };
}
