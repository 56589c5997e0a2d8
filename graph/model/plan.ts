// The plan model: what the parser produces from a task-division notice and what every other part
// (loader, analytics, API) consumes. These zod schemas are its only definition; the TypeScript
// types below are inferred from them, never written by hand.
import { z } from 'zod';

/** How an item's units are recorded as edges (DESIGN.md §1, "the one rule"). */
export const EdgeType = z.enum(['LEADS', 'SUPPORTS']);
export type EdgeType = z.infer<typeof EdgeType>;

/** One unit named on one item. */
export const ItemUnit = z.object({
  /** The unit as printed in this document (Traditional stays Traditional). */
  name: z.string().min(1),
  /** The unit's key: its name normalised (Simplified, qualifier dropped) — joins to `units[].key`. */
  key: z.string().min(1),
  /**
   * The role word as printed: 牵头单位, 责任单位, 配合单位, 牵头, 负责, 按职责分工负责, … — empty
   * when none is printed (units on a line of their own under "列第一位的为牵头单位").
   */
  role: z.string(),
  edge: EdgeType,
  /** True when the edge comes from the rule, not from the text: units of an item with no lead own it. */
  inferred: z.boolean(),
});
export type ItemUnit = z.infer<typeof ItemUnit>;

export const Comparator = z.enum(['>=', '>', '<=', '<', '~', '=', 'provincial-target', 'in-step']);
export type Comparator = z.infer<typeof Comparator>;

/** An indicator's target as far as the text states one ("大于14.5%", "7%左右", "完成省下达目标"). */
export const Target = z.object({
  comparator: Comparator,
  value: z.number().nullable(),
  /** The measure's unit as printed: %, 年, 亿斤, 万吨标煤, 件, 人, 个, 岁 … */
  measure: z.string().nullable(),
  text: z.string(),
});
export type Target = z.infer<typeof Target>;

/**
 * Where something stands in the document as the planner has it. Every format fills what it has:
 * a line for text, a paragraph (and a table row) for Word, a sheet and cell for Excel, a page and
 * line for PDF, a line of the page's text for HTML. `block` is the 1-based index of the reader's
 * block (paragraph or table row), the same number that `Item.line` holds for a non-text format.
 */
export const SourcePosition = z.object({
  format: z.enum(['text', 'docx', 'doc', 'xlsx', 'csv', 'html', 'pdf']),
  block: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  paragraph: z.number().int().positive().optional(),
  /** 1-based table of the document, and row of that table (header included). */
  table: z.number().int().positive().optional(),
  row: z.number().int().positive().optional(),
  sheet: z.string().optional(),
  /** A1-style address of the row's first cell, or the cell an issue is about. */
  cell: z.string().optional(),
  page: z.number().int().positive().optional(),
});
export type SourcePosition = z.infer<typeof SourcePosition>;

/**
 * A deadline as a planner can sort and filter on it: a date (the last day the text allows:
 * 2023年底 → 2023-12-31, 2023年6月底前 → 2023-06-30), a recurrence (每季度, 每月, 每年), or
 * ongoing (长期坚持, 持续推进). `printed` is always the text as the document has it.
 */
export const Due = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({
    kind: z.literal('recurring'),
    every: z.enum(['day', 'week', 'month', 'quarter', 'half-year', 'year']),
  }),
  z.object({ kind: z.literal('ongoing') }),
]);
export type Due = z.infer<typeof Due>;

export const ItemKind = z.enum(['indicator', 'theme', 'task', 'project', 'requirement']);
export type ItemKind = z.infer<typeof ItemKind>;

/**
 * Anything the notice assigns or structures: an indicator, a theme (strategic heading), a task,
 * a major project or one of its sub-items (kind `project` with a `parent`), a work requirement.
 */
export const Item = z.object({
  /** Stable: `${plan.id}/${ref}`. Same input, same id, on every machine. */
  id: z.string().min(1),
  kind: ItemKind,
  /** The printed reference, built from the headings: 一(一)1, 二(七)1, 三(三)2, 四(二) … */
  ref: z.string().min(1),
  /** The first clause of the text, without its number. */
  title: z.string().min(1),
  /** The full text as printed (number and unit list included), for provenance. */
  text: z.string(),
  /** 1-based line in the source document where the item starts. */
  line: z.number().int().positive(),
  /** Id of the enclosing item (task → theme, sub-item → project, second part → its task), or null. */
  parent: z.string().nullable(),
  units: z.array(ItemUnit),
  /** Indicators: 约束性 (binding) or 预期性 (expected). */
  binding: z.boolean().optional(),
  target: Target.optional(),
  /** Major projects: the column (专栏N) of the outline they come from. */
  column: z.number().int().positive().optional(),
  /** Projects delegated to another notice: that document's id (see `documents`). */
  delegatedTo: z.string().optional(),
  /** A deadline column or clause (完成时限), as printed. */
  deadline: z.string().optional(),
  /** The deadline normalised, when it reads as a date, a recurrence or "ongoing". */
  due: Due.optional(),
  /** Where the item starts in the document as read (any format). */
  source: SourcePosition.optional(),
  /** A table's section row above the item ("一、推动经济高质量发展"), as printed. */
  section: z.string().optional(),
  /** A grouping row that names a person ("(一)王某某市长牵头重点工作"): neither item nor unit. */
  group: z.string().optional(),
  /** The leading official(s) as printed (责任领导/牵头领导: "分管副市长", "市长、分管副市长"). */
  leader: z.string().optional(),
  /** `leader` split into posts or persons: never units. */
  leaders: z.array(z.string()).optional(),
  /** A ledger's status column as printed (推进中, 已完成, 滞后 …). */
  status: z.string().optional(),
  /** A ledger's progress column (进展情况) as printed. */
  progress: z.string().optional(),
});
export type Item = z.infer<typeof Item>;

export const UnitMention = z.object({
  /** Jurisdiction-scoped id: `${jurisdiction}/${key}`. Shared by every plan of that jurisdiction. */
  id: z.string().min(1),
  key: z.string().min(1),
  /** As first printed. */
  name: z.string().min(1),
  /** 各区人民政府, 相关区人民政府, 市政府各有关部门, …成员单位: stands for several units. */
  collective: z.boolean(),
  /** The 〈…〉 qualifier as printed, when the document defines one (e.g. 〈含东湖高新区…,下同〉). */
  qualifier: z.string().optional(),
  /** Member names given by the qualifier (e.g. 东湖高新区, 武汉经开区 …). */
  members: z.array(z.string()).optional(),
  /** Line of the first mention. */
  line: z.number().int().positive(),
});
export type UnitMention = z.infer<typeof UnitMention>;

/** A notice that some project is delegated to (按照《…》(武办发〔2020〕28号)分工组织实施). */
export const DelegatedDocument = z.object({
  id: z.string().min(1),
  /** The document number as printed: 武办发〔2020〕28号. */
  number: z.string().nullable(),
  title: z.string().min(1),
  line: z.number().int().positive(),
});
export type DelegatedDocument = z.infer<typeof DelegatedDocument>;

export const IssueSeverity = z.enum(['error', 'warning', 'info']);

/** A problem found in the input: data, not an exception. */
export const ParseIssue = z.object({
  code: z.string().min(1),
  severity: IssueSeverity,
  message: z.string().min(1),
  /** 1-based line, or null when the problem is with the document as a whole. */
  line: z.number().int().positive().nullable(),
  /** The same message in Chinese, where the code has one (readers' issues always do). */
  zh: z.string().optional(),
  /** Where it is in the document as the planner has it (page, sheet and cell, paragraph …). */
  source: SourcePosition.optional(),
});
export type ParseIssue = z.infer<typeof ParseIssue>;

export const Plan = z.object({
  /** Stable id derived from jurisdiction and title. */
  id: z.string().min(1),
  title: z.string().min(1),
  issuer: z.string().nullable(),
  /** ISO date (YYYY-MM-DD) of issue, when printed. */
  date: z.string().nullable(),
  jurisdiction: z.string().min(1),
});
export type Plan = z.infer<typeof Plan>;

/** The file a model was read from: how it was read, for the review screen and provenance. */
export const SourceDocument = z.object({
  format: SourcePosition.shape.format,
  /** The file name as given, when there was one (never used to pick the format). */
  name: z.string().optional(),
  /** Text encoding where the format has one (utf-8, gb18030, utf-16le …). */
  encoding: z.string().optional(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SourceDocument = z.infer<typeof SourceDocument>;

export const PlanModel = z.object({
  plan: Plan,
  /** Set by parseDocument (bytes in); absent when the model came from parsePlan (text in). */
  source: SourceDocument.optional(),
  items: z.array(Item),
  units: z.array(UnitMention),
  documents: z.array(DelegatedDocument),
  issues: z.array(ParseIssue),
});
export type PlanModel = z.infer<typeof PlanModel>;
