/**
 * @module
 * A template's declared readiness as a graph: windows and panes that say when they are ready,
 * which wait for which, every problem found (a name that resolves to nothing, a cycle, a
 * condition that cannot hold) and the order panes start in. Pure, over the typed template;
 * config's validator turns the problems into located issues, the planner the rest into the
 * Plan's readiness.
 */
export { resolveName, templateGraph } from "./graph.ts";
export type {
  ConfigPath,
  GraphPane,
  GraphProblem,
  GraphTemplate,
  GraphWindow,
  ReadySpec,
  TemplateGraph,
} from "./graph.ts";
