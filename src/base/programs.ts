/**
 * Every program rune starts, for the `run` permission (deno.json's sets must list exactly these;
 * tests/programs_test.ts checks). `rune doctor` reports each one's permission.
 */
export const RUN_PROGRAMS = [
  "sh", // every ritual command: sh -c
  "tmux", // sessions
  "script", // interactive commands without tmux (a pseudo-terminal)
  "stty", // saving and restoring the terminal around interactive commands
  "kill", // signals to process groups (Deno.kill needs the full run permission)
  "ps", // process start times and group liveness (Deno reads /proc only with --allow-all)
  "scriptreplay", // rune audit show --replay
  "getent", // rune session share/join: users and groups, NSS included (not just /etc/passwd)
  "setfacl", // rune session share/unshare: per-user POSIX ACLs on the share dir and socket
  "setsid", // a step's own session without a fork (where installed; else Deno's detached)
] as const;
