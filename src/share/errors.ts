/**
 * A sharing failure as a value: what could not be done and why (STYLE §3), the next action,
 * and which exit code the CLI gives it. Pure.
 */
export interface ShareError {
  /** "cannot share "dev": user "bob" does not exist on this machine" */
  problem: string;
  hint?: string;
  /** usage: a wrong name or flag (2) · missing: tmux or setfacl (3) · failed: the rest (1). */
  exit: "usage" | "missing" | "failed";
}

export function failed(
  problem: string,
  hint?: string,
  exit: ShareError["exit"] = "failed",
): ShareError {
  return hint === undefined ? { problem, exit } : { problem, hint, exit };
}

export type ShareResult<T> = { ok: true; value: T } | { ok: false; error: ShareError };
