/**
 * @module
 * tmux: the world of one command (which server, the client environment, how to show a
 * session), the exact argv that builds a session in as few chained calls as fit tmux's message
 * limit (pure, nothing addressed by index, both injection holes closed), the executor that runs
 * it through one control client with the readiness handshake and declared readiness
 * (ready, depends_on, wait_for), rune's sessions on a server and their panes' status, the
 * close hook, auto_tmux, attaching, and saving sessions (read off the server) and restoring
 * them (through the same build).
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
export { buildSession, PROJECT_OPTION } from "./build.ts";
export type { BuildOptions } from "./build.ts";
export { bindSession, SESSION_ID, TMUX_ARGV_BUDGET } from "./pack.ts";
export { chain, literalFormat, tmuxArg } from "./escape.ts";
export { ENV_OPTION } from "./build.ts";
export { listLiveSessions, readProcesses, snapshotSessions } from "./snapshot_read.ts";
export { selectSessions } from "./save_select.ts";
export { AUTOSAVE_HOOK, AUTOSAVE_OPTION, autosaveCommands } from "./autosave.ts";
export type { AutosaveSpec } from "./autosave.ts";
export { stopAutosave } from "./autosave_stop.ts";
export type { SaveSelection } from "./save_select.ts";
export type { LiveSession, ServerRead } from "./snapshot_read.ts";
export {
  commandLine,
  DEFAULT_RESTORE_PROGRAMS,
  finishArgv,
  parseShapes,
  planRestore,
  restoreSize,
  sameShape,
  SHAPE_FORMAT,
} from "./restore_plan.ts";
export type { BuiltShape, RestoreChoices, RestorePlan } from "./restore_plan.ts";
export { decideStatus, parseStatusRows, sessionStatus } from "./session_status.ts";
export type { PaneStatus, PaneStatusKind, StatusResult } from "./session_status.ts";
