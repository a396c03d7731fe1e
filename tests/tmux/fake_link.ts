/**
 * A SessionLink for tests: records every command list it is given and answers each from a
 * function (default: ok, no lines). Nothing runs tmux.
 */
import type { LinkResult, SessionLink } from "../../src/tmux/link.ts";

export interface FakeLink extends SessionLink {
  lists: string[][][];
  /** Every command given, in order, flattened. */
  commands(): string[][];
}

export function fakeLink(
  answer: (commands: readonly (readonly string[])[]) => LinkResult = () => ({
    ok: true,
    lines: [],
  }),
  kind: "control" | "cli" = "control",
): FakeLink {
  const lists: string[][][] = [];
  const run = (commands: readonly (readonly string[])[]) => {
    lists.push(commands.map((c) => [...c]));
    return Promise.resolve(answer(commands));
  };
  return {
    kind,
    lists,
    commands: () => lists.flat(),
    run,
    runGroups: (groups) => run(groups.flat()),
    close: () => Promise.resolve(),
  };
}
