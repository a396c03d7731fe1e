/** `rune session ls | attach NAME | kill NAME`: the tmux sessions rune made. */
import type { Command } from "@commander-js/extra-typings";
import { addHelp } from "../help.ts";
import { toGlobals } from "../globals.ts";
import type { ExitBox } from "../program.ts";

const SOCKET_ENV: [string, string][] = [
  ["RUNE_TMUX_SOCKET", "tmux server to use: a socket name, or a path if it has a /"],
  ["TMUX", "inside tmux, the current server is the default and attach switches the client"],
];

export function registerSession(program: Command, exit: ExitBox): void {
  const session = program
    .command("session")
    .summary("list, attach to or kill the tmux sessions rune made")
    .description(
      "The tmux sessions rune built (marked with the @rune-project option). Other sessions " +
        "on the server are never listed or killed.",
    )
    .option("--socket <name>", "the tmux server with this socket name (tmux -L)")
    .option("--socket-path <path>", "the tmux server at this socket path (tmux -S)");
  addHelp(session, {
    examples: [
      ["rune session ls", "rune's sessions on your tmux server"],
      ["rune session ls --json", "the same, for scripts"],
      ["rune session attach dev-web", "attach (or switch, inside tmux) to dev-web"],
      ["rune session kill dev-web", "kill dev-web, if rune made it"],
    ],
    env: SOCKET_ENV,
  });
  const socketOf = (cmd: { optsWithGlobals(): object }) => {
    const o = cmd.optsWithGlobals() as { socket?: string; socketPath?: string };
    return { name: o.socket, path: o.socketPath };
  };
  session.command("ls")
    .summary("list rune's sessions")
    .option("--json", "print them as JSON")
    .action(async (options, cmd) => {
      const { sessionList } = await import("../actions/session.ts");
      exit.code = await sessionList(
        socketOf(cmd),
        options.json === true,
        toGlobals(cmd.optsWithGlobals()),
      );
    });
  session.command("attach")
    .summary("attach to a session rune made (switch-client inside tmux)")
    .argument("<name>", "session name")
    .action(async (name, _options, cmd) => {
      const { sessionAttach } = await import("../actions/session.ts");
      exit.code = await sessionAttach(socketOf(cmd), name, toGlobals(cmd.optsWithGlobals()));
    });
  session.command("kill")
    .summary("kill a session rune made")
    .argument("<name>", "session name")
    .action(async (name, _options, cmd) => {
      const { sessionKill } = await import("../actions/session.ts");
      exit.code = await sessionKill(socketOf(cmd), name, toGlobals(cmd.optsWithGlobals()));
    });
}
