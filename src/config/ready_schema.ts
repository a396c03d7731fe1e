/**
 * The readiness keys of templates and steps (issue 17), as zod schemas schema.ts puts in
 * place: `ready` on panes and windows, `depends_on` on panes and windows, `wait_for` on ritual
 * commands. Loose on purpose: which single condition a `ready` holds, whether its regex
 * compiles, names that resolve and cycles are checked by check_readiness.ts, with located
 * messages zod's unions cannot give.
 */
import * as z from "zod";

/**
 * The schemas, given schema.ts's DurationSchema (passed in, so this file imports nothing of
 * schema.ts and the duration check still finds its timeout).
 */
export function readinessSchemas<D extends z.ZodType>(duration: D) {
  const ReadySchema = z.object({
    output: z.string().optional().meta({
      description: "Ready once a line the pane prints matches this regular expression " +
        "(JavaScript syntax; colours and other escape sequences removed first).",
    }),
    port: z.number().optional().meta({
      description: "Ready once a program listens on this local TCP port (127.0.0.1 or ::1).",
    }),
    file: z.string().optional().meta({
      description: "Ready once this path exists (relative to the pane's directory).",
    }),
    exit: z.number().optional().meta({
      description: "Ready once the pane's program (exec: true) ends with this exit status.",
    }),
    timeout: duration.optional().meta({
      description: "How long to wait before the condition fails (default 60s).",
    }),
  }).meta({
    id: "Ready",
    description: "When a pane or window is ready: exactly one of output, port, file, exit.",
  });
  return { ReadySchema, DependsOnSchema, WaitForSchema };
}

/** WINDOW or WINDOW.PANE: a window's name, then a pane's name or its position from 1. */
const DependsOnSchema = z.union([z.string(), z.array(z.string())]).meta({
  id: "DependsOn",
  description: "Windows (NAME) or panes (WINDOW.PANE: the pane's name, or its position " +
    "from 1) whose readiness this waits for before its commands are typed.",
});

const WaitForSchema = z.union([z.string(), z.array(z.string())]).meta({
  id: "WaitFor",
  description: "Windows or panes of an earlier tmux_template step (WINDOW or WINDOW.PANE, or " +
    "TEMPLATE:WINDOW.PANE) that must be ready before this command runs.",
});
