import { z } from 'zod';
import { COLOUR_PATTERN } from '../labels/label-colours';
import { labelProblem } from '../labels/label-path';

/** A label as typed: `app` or `app/activity`, free text within the rules of labelProblem. */
export const LabelName = z.string().superRefine((text, ctx) => {
  const problem = labelProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** How a label came to be. */
export const LabelProvenance = z.enum(['manual', 'filter', 'rule', 'import', 'csv', 'capture-tag', 'model-accepted']);
export type LabelProvenance = z.infer<typeof LabelProvenance>;

/** Batches are named by the store (`<provenance>-<hex>`); undo takes one back. */
export const LabelBatch = z.string().regex(/^[a-z-]+-[0-9a-z-]+$/).max(100);

export const LabelColour = z.string().regex(COLOUR_PATTERN, { message: 'a colour is #rrggbb (lower-case hex)' });

/** What one act of labelling did: `matched` flows were in its scope, `changed` got a different label. */
export const LabelActResult = z.object({
  batch: LabelBatch,
  label: z.string().nullable(),
  provenance: LabelProvenance,
  matched: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
});
export type LabelActResult = z.infer<typeof LabelActResult>;

/** One act in the history: who, when, how, on how many flows, and whether it was undone. */
export const LabelHistoryEntry = z.object({
  batch: LabelBatch,
  provenance: LabelProvenance,
  author: z.string(),
  at: z.number(),
  undoneAt: z.number().nullable(),
  flows: z.number().int().nonnegative(),
  /** The labels it set (a CSV or rule run sets several); null stands for "label removed". */
  labels: z.array(z.string().nullable()),
  detail: z.string().nullable(),
});
export type LabelHistoryEntry = z.infer<typeof LabelHistoryEntry>;

/** One row of a flow's label history: what it was set to, who, when, how, and whether that act was undone. */
export const FlowLabelEvent = z.object({
  batch: LabelBatch.nullable(),
  /** Null: the act removed the label. */
  label: z.string().nullable(),
  provenance: LabelProvenance,
  author: z.string(),
  at: z.number(),
  undoneAt: z.number().nullable(),
  detail: z.string().nullable(),
});
export type FlowLabelEvent = z.infer<typeof FlowLabelEvent>;

export const LabelCatalogueEntry = z.object({
  name: z.string(),
  app: z.string(),
  activity: z.string().nullable(),
  colour: LabelColour,
  description: z.string(),
  /** Flows that carry it now. */
  flows: z.number().int().nonnegative(),
  /** In the catalogue (defined or used through the API), as opposed to only found on flows. */
  defined: z.boolean(),
});
export type LabelCatalogueEntry = z.infer<typeof LabelCatalogueEntry>;

export const LabelLevel = z.enum(['app', 'activity']);

export const LabelCounts = z.object({
  level: LabelLevel,
  total: z.number().int().nonnegative(),
  unlabelled: z.number().int().nonnegative(),
  classes: z.array(z.object({ name: z.string(), flows: z.number().int().positive(), colour: LabelColour })),
  /** Largest class over smallest: how far a classifier trained on these flows leans to the majority. */
  imbalance: z.object({ majority: z.string(), minority: z.string(), ratio: z.number() }).nullable(),
});
export type LabelCounts = z.infer<typeof LabelCounts>;

/**
 * A labelling rule: flows whose SNI, domain (SNI, HTTP host, DNS query or an
 * endpoint's learnt name) or JA4 matches get the rule's label (usually an app).
 * `domain` matching takes the name and its subdomains, `exact` the name only,
 * `regex` a display-filter pattern (`(?i)` for case-insensitive).
 */
export const LabelRuleField = z.enum(['sni', 'domain', 'ja4']);
export const LabelRuleMatch = z.enum(['domain', 'exact', 'regex']);
export const LabelRuleInput = z
  .object({
    field: LabelRuleField,
    match: LabelRuleMatch.optional(),
    pattern: z.string().min(1).max(500),
    label: LabelName,
  })
  .strict();
export const LabelRule = z.object({
  id: z.number().int().positive(),
  field: LabelRuleField,
  match: LabelRuleMatch,
  pattern: z.string(),
  label: z.string(),
  author: z.string(),
  createdAt: z.number(),
});
export type LabelRule = z.infer<typeof LabelRule>;

export const LabelRuleRun = z.object({
  /** Null when no flow changed. */
  batch: LabelBatch.nullable(),
  changed: z.number().int().nonnegative(),
  rules: z.array(z.object({ id: z.number().int(), label: z.string(), flows: z.number().int().nonnegative() })),
});
export type LabelRuleRun = z.infer<typeof LabelRuleRun>;

const CsvLine = z.object({ line: z.number().int().positive(), reason: z.string() });

/** The outcome of a ground-truth CSV import: every row is accounted for, by line number. */
export const CsvLabelReport = z.object({
  batch: LabelBatch.nullable(),
  rows: z.number().int().nonnegative(),
  matchedRows: z.number().int().nonnegative(),
  /** Flows whose label changed. */
  changed: z.number().int().nonnegative(),
  /** Flows the file's rows matched. */
  matchedFlows: z.number().int().nonnegative(),
  unmatched: z.array(CsvLine),
  bad: z.array(CsvLine),
  /** A flow two rows label differently: the later row wins, the earlier is listed. */
  conflicts: z.array(CsvLine),
  /** Lists above are cut at this many entries; the counts are complete. */
  listLimit: z.number().int().positive(),
  unmatchedCount: z.number().int().nonnegative(),
  badCount: z.number().int().nonnegative(),
  conflictCount: z.number().int().nonnegative(),
});
export type CsvLabelReport = z.infer<typeof CsvLabelReport>;
