#!/usr/bin/env python3
"""The same W x P session in each tool's format, for bench/tmux.sh.

    tmux_files.py OUTDIR W P SOCKET PROJECT_DIR

Window wN is tiled, pane P runs `echo wNpP`. Writes OUTDIR/rune.yaml, tmuxinator.yml,
tmuxp.yaml, per-op.sh (one tmux call per operation) and chained.sh: the session as chained
tmux calls (`\\;`), as few as fit tmux's client message limit (rune's TMUX_ARGV_BUDGET),
whole windows per call; one call up to about 25 x 4 panes.
"""
import os
import shlex
import sys

BUDGET = 16_364  # src/tmux/pack.ts: TMUX_ARGV_BUDGET

out, W, P, sock, proj = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
os.makedirs(out, exist_ok=True)
windows = range(1, W + 1)
panes = range(1, P + 1)


def write(name, lines):
    with open(os.path.join(out, name), "w") as f:
        f.write("\n".join(lines) + "\n")


rune = ["rituals:", "  start:", "    global: [{name: workspace, interactive: true, tmux_template: bench}]",
        "  templates:", "    bench:", "      session_name: bench", "      windows:"]
for w in windows:
    cmds = ", ".join(f'"echo w{w}p{p}"' for p in panes)
    rune += [f"        - name: w{w}", "          layout: tiled", f"          panes: [{cmds}]"]
write("rune.yaml", rune)

tmuxinator = ["name: bench", f"root: {proj}", f"socket_name: {sock}", "attach: false", "windows:"]
for w in windows:
    tmuxinator += [f"  - w{w}:", "      layout: tiled", "      panes:"]
    tmuxinator += [f"        - echo w{w}p{p}" for p in panes]
write("tmuxinator.yml", tmuxinator)

tmuxp = ["session_name: bench", f"start_directory: {proj}", "windows:"]
for w in windows:
    tmuxp += [f"  - window_name: w{w}", "    layout: tiled", "    panes:"]
    tmuxp += [f"      - echo w{w}p{p}" for p in panes]
write("tmuxp.yaml", tmuxp)

per_op = ["set -e"]
for w in windows:
    if w == 1:
        per_op.append(f"tmux -L {sock} new-session -d -s bench -n w1 -x 200 -y 50 -c {proj}")
    else:
        per_op.append(f"tmux -L {sock} new-window -t bench: -n w{w} -c {proj}")
    per_op.append(f"tmux -L {sock} send-keys -t bench:w{w} 'echo w{w}p1' Enter")
    for p in panes[1:]:
        per_op.append(f"tmux -L {sock} split-window -t bench:w{w} -c {proj}")
        per_op.append(f"tmux -L {sock} select-layout -t bench:w{w} tiled")
        per_op.append(f"tmux -L {sock} send-keys -t bench:w{w} 'echo w{w}p{p}' Enter")
write("per-op.sh", per_op)


def window_ops(w):
    ops = [["new-session", "-d", "-s", "bench", "-n", "w1", "-x", "200", "-y", "50", "-c", proj]
           if w == 1 else ["new-window", "-t", "bench:", "-n", f"w{w}", "-c", proj]]
    ops.append(["send-keys", f"echo w{w}p1", "Enter"])
    for p in panes[1:]:
        ops += [["split-window", "-c", proj], ["select-layout", "tiled"],
                ["send-keys", f"echo w{w}p{p}", "Enter"]]
    return ops


calls, current = [], []
for w in windows:
    group = [arg for op in window_ops(w) for arg in [";", *op]][1:]
    size = lambda args: sum(len(a.encode()) + 1 for a in args)
    if current and size(current) + size(group) + 2 > BUDGET:
        calls.append(current)
        current = []
    current = current + [";"] + group if current else group
calls.append(current)
write("chained.sh", [" ".join(["tmux", "-L", sock] + [shlex.quote(a) for a in c]) for c in calls])
print(len(calls))
