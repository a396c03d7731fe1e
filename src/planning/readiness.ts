/**
 * A template's declared readiness, resolved for one run (issue 17): each condition with its
 * timeout in ms (default 60 s) and its file as an absolute path (variables expanded, relative
 * to the pane's or window's directory), what each pane waits for, and the order panes start
 * in. Undefined when the template declares nothing, so the Plan is as before. Pure; the graph
 * (names, cycles) is the validator's (src/readiness).
 */
import { templateGraph } from "../readiness/mod.ts";
import type { ReadySpec } from "../readiness/mod.ts";
import type { ConfigPath, TemplateSpec } from "../config/mod.ts";
import { expandHome, parseDuration } from "../base/mod.ts";
import type { ReadyCondition, SessionLayout, SessionReadiness } from "../contract/mod.ts";

/** How long a condition waits unless its `timeout` says otherwise. */
export const DEFAULT_READY_TIMEOUT_MS = 60_000;

export function planReadiness(
  spec: TemplateSpec,
  name: string,
  path: ConfigPath,
  o: { layout: SessionLayout; home: string; text: (value: string, path: ConfigPath) => string },
): SessionReadiness | undefined {
  const graph = templateGraph(spec, name, path);
  if (!graph.declared) return undefined;
  const windows = graph.windows.map((w) => ({
    window: w.window,
    label: w.label,
    ...condition(w.ready, o.layout.windows[w.window - 1]?.dir ?? o.layout.dir, [
      ...path,
      "windows",
      w.window - 1,
      "ready",
    ]),
    panes: w.panes,
  }));
  const panes = graph.panes.map((p) => {
    const [wi, pi] = p.key.slice(1).split("p").map(Number);
    const dir = o.layout.windows[wi - 1]?.panes[pi - 1]?.dir ?? o.layout.dir;
    return {
      key: p.key,
      label: p.label,
      ...condition(p.ready, dir, [...path, "windows", wi - 1, "panes", pi - 1, "ready"]),
      after: p.after,
    };
  });
  return { panes, windows, order: graph.order };

  function condition(
    ready: ReadySpec | undefined,
    dir: string,
    at: ConfigPath,
  ): { ready?: ReadyCondition } {
    if (!ready) return {};
    const ms = ready.timeout === undefined ? undefined : parseDuration(ready.timeout);
    // 0 is "no timeout", as everywhere in the config.
    const timeoutMs = ms ?? DEFAULT_READY_TIMEOUT_MS;
    if (ready.output !== undefined) {
      return { ready: { kind: "output", pattern: ready.output, timeoutMs } };
    }
    if (ready.port !== undefined) return { ready: { kind: "port", port: ready.port, timeoutMs } };
    if (ready.exit !== undefined) return { ready: { kind: "exit", status: ready.exit, timeoutMs } };
    if (ready.file !== undefined) {
      const file = expandHome(o.text(ready.file, [...at, "file"]), { HOME: o.home });
      return {
        ready: { kind: "file", path: file.startsWith("/") ? file : `${dir}/${file}`, timeoutMs },
      };
    }
    return {};
  }
}
