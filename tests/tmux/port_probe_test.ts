/**
 * ready: {port: N}: a port something listens on is "listening", a closed one "not yet" (a
 * refused connection is not a failure), on 127.0.0.1 as rune's permission set allows.
 */
import { deepStrictEqual } from "node:assert/strict";
import { probePort } from "../../src/tmux/port_probe.ts";

Deno.test("probePort(): listening while a server listens, not yet once it stopped", async () => {
  const server = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = server.addr as Deno.NetAddr;
  const accepting = (async () => {
    for await (const conn of server) conn.close();
  })();
  deepStrictEqual(await probePort(port), { kind: "listening" });
  server.close();
  await accepting.catch(() => {});
  deepStrictEqual(await probePort(port), { kind: "not-yet" });
});

Deno.test("probePort() without the net permission says so, never waits for ever", async () => {
  const module = new URL("../../src/tmux/port_probe.ts", import.meta.url).href;
  const dir = Deno.makeTempDirSync();
  const script = `${dir}/probe.ts`;
  Deno.writeTextFileSync(
    script,
    `import { probePort } from "${module}"; console.log(JSON.stringify(await probePort(9)));`,
  );
  // No permission at all: Deno.connect would throw NotCapable.
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--no-prompt", "--no-config", script],
    stdout: "piped",
    stderr: "piped",
  }).output();
  Deno.removeSync(dir, { recursive: true });
  const answer = JSON.parse(new TextDecoder().decode(out.stdout));
  deepStrictEqual(answer.kind, "unknown");
  deepStrictEqual(
    answer.problem,
    "cannot tell whether port 9 accepts connections: rune may not connect to 127.0.0.1",
  );
});
