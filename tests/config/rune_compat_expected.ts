/**
 * What ../shared/compat/README.md says a correct rune makes of Rune's own configs, as data:
 * commands per ritual (global, then per_project key → count) and templates (name → windows).
 * Shared by the unit test (tests/config/rune_compat_test.ts) and the e2e test.
 */
export interface RitualCounts {
  global: number;
  per_project: Record<string, number>;
}

export interface CompatExpectation {
  start: RitualCounts;
  stop: RitualCounts;
  /** Template name → number of windows (only where the README names them). */
  templates?: Record<string, number>;
}

const counts = (global: number, per_project: Record<string, number> = {}): RitualCounts => ({
  global,
  per_project,
});
const same = (n: number, names: string[]) => Object.fromEntries(names.map((k) => [k, n]));

/** examples/config-*.yaml, from the README's table row "examples/config-*.yaml (10 files)". */
export const EXAMPLE_COUNTS: Record<string, CompatExpectation> = {
  "config-basic.yaml": { start: counts(2), stop: counts(1) },
  "config-developer.yaml": {
    start: counts(3, { frontend: 4, backend: 3, mobile: 2 }),
    stop: counts(2, { frontend: 2, backend: 2 }),
    templates: { "fullstack-dev": 4, "simple-dev": 1 },
  },
  "config-devops.yaml": {
    start: counts(4, {
      infrastructure: 3,
      monitoring: 3,
      "ci-cd": 3,
      security: 3,
      "incident-response": 2,
    }),
    stop: counts(4, {
      infrastructure: 3,
      monitoring: 2,
      "ci-cd": 2,
      security: 2,
      "incident-response": 2,
    }),
  },
  "config-telemetry.yaml": { start: counts(2), stop: counts(1) },
  "config-academic.yaml": {
    start: counts(3, { research: 3, writing: 3, "data-analysis": 3, teaching: 2 }),
    stop: counts(3, { research: 2, writing: 2, "data-analysis": 2 }),
  },
  "config-content-creator.yaml": {
    start: counts(4, {
      youtube: 4,
      blog: 4,
      podcast: 4,
      "social-media": 3,
      newsletter: 3,
      courses: 3,
    }),
    stop: counts(
      4,
      same(3, ["youtube", "blog", "podcast", "social-media", "newsletter", "courses"]),
    ),
  },
  "config-creative.yaml": {
    start: counts(3, {
      design: 3,
      photography: 3,
      video: 3,
      "web-design": 3,
      branding: 2,
      "client-work": 3,
    }),
    stop: counts(3, { design: 2, photography: 2, video: 2, "web-design": 2, "client-work": 3 }),
  },
  "config-freelancer.yaml": {
    start: counts(3, { "client-a": 2, "client-b": 2, "client-c": 1, admin: 2 }),
    stop: counts(2, { "client-a": 2, "client-b": 2, "client-c": 1, admin: 1 }),
  },
  "config-remote-work.yaml": {
    start: counts(3, { meetings: 2, documentation: 2 }),
    stop: counts(3, { meetings: 1, documentation: 2 }),
  },
  "config-team-lead.yaml": {
    start: counts(5, {
      ...same(3, ["meetings", "planning", "reviews", "hiring"]),
      documentation: 2,
      metrics: 3,
    }),
    stop: counts(5, {
      ...same(3, ["meetings", "planning", "reviews", "hiring"]),
      documentation: 2,
      metrics: 3,
    }),
  },
};

/** Fragments and snippets at the top of compat/rune/, where the README gives counts. */
export const SNIPPET_COUNTS: Record<string, CompatExpectation> = {
  "readme-frontend-workflow.yaml": { start: counts(4), stop: counts(2) },
  "readme-devops-workflow.yaml": { start: counts(3), stop: counts(2) },
  "readme-config.yaml": { start: counts(2, { "main-app": 1 }), stop: counts(2) },
};

/**
 * Codes of the checks this layer owns. An error with one of these in a compat file is a bug;
 * template-variable errors (docs-site-examples-freelancer.yaml's `{{project}}`) come from
 * the template checker and are expected there.
 */
export const NON_TEMPLATE_CODES = new Set([
  "yaml-syntax",
  "duplicate-key",
  "wrong-type",
  "missing-key",
  "bad-version",
  "out-of-range",
  "misspelt-key",
  "unknown-key",
  "unknown-template",
  "missing-command",
  "not-interactive",
  "empty-windows",
  "duplicate-template",
  "bad-duration",
  "bad-layout",
  "unknown-project",
  "empty-name",
]);

/** The freelancer docs example: where its unknown variables are (README: lines 27 and 32). */
export const FREELANCER_VARIABLE_LINES = [27, 32];
