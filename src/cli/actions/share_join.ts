/**
 * `rune session join OWNER/NAME`: the guest's side. Attaches with rune's terminal (read-only
 * unless the owner granted write), or prints the command where attaching cannot work (no
 * terminal, inside tmux, --print). The attempt is a line in the guest's own audit log.
 */
import { visible } from "../../base/mod.ts";
import { shellQuote } from "../../shell/mod.ts";
import { parseJoinTarget, planJoin, recordShareEvents, shareEntry } from "../../share/mod.ts";
import type { ShareContext } from "../../share/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { reportNotes, reportShareError, shareContext } from "./share_context.ts";

export async function sessionJoin(
  given: string,
  print: boolean,
  _globals: GlobalOptions,
): Promise<number> {
  const target = parseJoinTarget(given);
  if (!target.ok) return reportShareError(target.error);
  const ctx = shareContext();
  const { owner, session } = target.value;
  const plan = await planJoin(target.value, ctx);
  const me = ctx.parentEnv.USER || ctx.parentEnv.LOGNAME || `uid ${ctx.uid}`;
  if (!plan.ok) {
    audit(ctx, me, {
      event: "refused",
      session,
      owner,
      guest: me,
      socket: "",
      reason: plan.error.problem,
    }, false);
    return reportShareError(plan.error);
  }
  const { attach, access, paths } = plan.value;
  const text = attach.map(shellQuote).join(" ");
  const why = print
    ? undefined
    : !Deno.stdin.isTerminal() || !Deno.stdout.isTerminal()
    ? "no terminal here"
    : ctx.parentEnv.TMUX
    ? "rune runs inside tmux, and attaching would nest tmux in tmux"
    : undefined;
  if (print || why) {
    if (why) console.error(visible(`rune: cannot attach here: ${why}; run from a terminal:`));
    console.log(visible(text));
    return print ? EXIT.ok : EXIT.usage;
  }
  audit(ctx, me, {
    event: "join",
    session,
    owner,
    guest: me,
    access,
    socket: paths.socket,
  }, true);
  console.error(visible(
    `joining ${owner}/${session} ${
      access === "write" ? "WITH WRITE ACCESS: what you type runs as " + owner : "read-only"
    } (detach: prefix d)`,
  ));
  const r = await ctx.runtime.run(attach, {
    clearEnv: true,
    env: ctx.env,
    stdin: { inherit: true },
    inheritOutput: true,
  });
  return r.code === 0 ? EXIT.ok : EXIT.stepFailed;
}

function audit(
  ctx: ShareContext,
  me: string,
  event: Parameters<typeof shareEntry>[0],
  ok: boolean,
): void {
  reportNotes(recordShareEvents(ctx.stateDir, [
    shareEntry(event, { user: me, project: "", time: ctx.now(), ok }),
  ]));
}
