/**
 * @module
 * Sharing a session with other Unix users on the same machine (tmux ≥ 3.3): the session is
 * rebuilt on a tmux server of its own, whose socket sits in a directory only the owner and the
 * named users may enter (POSIX ACLs, else a group), and tmux's `server-access` lets each guest
 * in read-only or with write access. Guests join, owners list, revoke and end shares; every
 * grant, join, revoke, detach and end is an audit line. See notes/tmux_share.md for the
 * verified tmux 3.3a behaviour this rests on, and README "Sharing a session" for the trust
 * model. Imports tmux, exec, state and the layers below.
 * Needs --allow-run=tmux,getent,setfacl, --allow-read/--allow-write on the share root.
 */
export type { Access, ClientInfo } from "./access.ts";
export { parseClients, parseServerAccess, shareMark } from "./access.ts";
export type { ShareContext } from "./context.ts";
export type { ShareError, ShareResult } from "./errors.ts";
export { recordShareEvents, shareEntry } from "./events.ts";
export { EVENT_COMMAND } from "./hooks.ts";
export { describeGate } from "./gate.ts";
export type { Gate } from "./gate.ts";
export { parseJoinTarget, planJoin } from "./join.ts";
export type { JoinPlan, JoinTarget } from "./join.ts";
export { SHARE_DIR_ENV, sharePaths } from "./paths.ts";
export type { SharePaths } from "./paths.ts";
export type { ShareRecord } from "./record.ts";
export { readRecord, sameServer, shareDirOf } from "./record.ts";
export { shareSession } from "./share_run.ts";
export type { ShareOutcome, ShareRequest } from "./share_run.ts";
export { listShares, pruneShares, shareRecords } from "./status.ts";
export type { GuestStatus, ShareStatus } from "./status.ts";
export { endShare, revokeGuests } from "./unshare.ts";
export type { Revoked } from "./unshare.ts";
export { isUserName } from "./users.ts";
