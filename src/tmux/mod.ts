/**
 * @module
 * tmux: the world of one command (which server, the client environment, how to show a
 * session), the exact argv that builds a session in as few chained calls as fit tmux's message
 * limit (pure, nothing addressed by index, both injection holes closed), the executor that runs
 * it through one control client with the readiness handshake and declared readiness
 * (ready, depends_on, wait_for), rune's sessions on a server and their panes' status, the
 * close hook, auto_tmux and attaching.
 * Needs --allow-run=tmux.
 */
export { CONTROL_ENV, decideTmuxWorld, DETACHED_SIZE, tmuxClientEnv } from "./world.ts";
export type { TmuxWorld, TmuxWorldFacts } from "./world.ts";
export { planTmuxCalls, stepLayout, tmuxCalls } from "./step_plan.ts";
export type { TmuxCallOptions } from "./step_plan.ts";
export { createTmuxExecutor } from "./executor.ts";
export type { TmuxExecutor, TmuxExecutorOptions } from "./executor.ts";
export { finishAttach } from "./attach.ts";
export {
  attachCommand,
  chooseAttach,
  chooseSocket,
  insideServer,
  socketArgs,
  socketPath,
  tmuxCommandText,
} from "./socket.ts";
export type { AttachMode, SocketChoice } from "./socket.ts";
export {
  killSession,
  listRuneSessions,
  parseSessionList,
  resolveSession,
  stopSessionsArgv,
} from "./sessions.ts";
export type { ListResult, SessionInfo, SessionMatch } from "./sessions.ts";
export { runTmux, tmuxCommand, tmuxError } from "./client.ts";
export { carriedEnv, closeHookCommand, currentRuneArgv, unsetCloseHook } from "./close_hook.ts";
export type { CloseHookSpec } from "./close_hook.ts";
export { decideAutoTmux, NO_AUTO_TMUX_ENV } from "./auto_tmux.ts";
export type { AutoTmuxDecision, AutoTmuxFacts } from "./auto_tmux.ts";
export { runAutoTmux } from "./auto_tmux_run.ts";
export { isSupported, MIN_TMUX, parseTmuxVersion, probeTmux } from "./version.ts";
export type { TmuxProbe, TmuxVersion } from "./version.ts";
export { PROJECT_OPTION } from "./build.ts";
export { SESSION_ID, TMUX_ARGV_BUDGET } from "./pack.ts";
export { decideStatus, parseStatusRows, sessionStatus } from "./session_status.ts";
export type { PaneStatus, PaneStatusKind, StatusResult } from "./session_status.ts";
