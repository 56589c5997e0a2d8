// The words for who answers for an item, defined once. The notices print many role words (牵头单位,
// 责任单位, 参与单位, 配合单位 …) and the graph keeps them on each edge as printed; but the two edge
// types the analysis counts (LEADS, SUPPORTS) get one fixed pair of words, used by the panels, the
// legend, the filters, the rankings, the table, the console and every export. Mixing 参与, 责任 and
// 配合 for the same count made planners ask whether they were three different figures.
//
// An owner by the rule (an item that names no lead: its units own it) is a lead, counted apart
// wherever a lead count is shown: "牵头 53(其中推定 16)".

/** The pair, and the inferred part of a lead count. Everything below is built from these. */
export const EDGE_WORDS = {
  LEADS: { zh: '牵头', en: 'Leads' },
  SUPPORTS: { zh: '配合', en: 'Supports' },
  inferred: { zh: '推定牵头', en: 'Inferred lead' },
} as const;

const { LEADS, SUPPORTS, inferred } = EDGE_WORDS;

export const zh = {
  leads: LEADS.zh,
  supports: SUPPORTS.zh,
  inferredLeads: inferred.zh,
  /** A lead count with its inferred part: "53(其中推定 16)"; the bare number when none is inferred. */
  leadCountInferred: '{n}(其中推定 {inferred})',
  loadHint: `${LEADS.zh}计 1,${SUPPORTS.zh}计 0.5`,
  sizeHint: `圆的大小表示工作量(${LEADS.zh}计 1,${SUPPORTS.zh}计 0.5)`,
  leadUnits: `${LEADS.zh}单位`,
  supportUnits: `${SUPPORTS.zh}单位`,
  noLead: `未列${LEADS.zh}单位:所列单位按规则视为${LEADS.zh}(${inferred.zh})`,
  reachHint: `按${LEADS.zh}任务数、${SUPPORTS.zh}任务数排序`,
  tableLeads: `${LEADS.zh}(全规划)`,
  tableInferredLeads: `其中${inferred.zh}`,
  tableSupports: `${SUPPORTS.zh}(全规划)`,
  tableUnits: '相关单位(全规划)',
  tableCountsHint: `计数按整个规划,与图中是否显示无关;* 为${LEADS.zh}`,
  roleLead: LEADS.zh,
  roleOwner: inferred.zh,
  roleSupport: SUPPORTS.zh,
  /** Badge of an owner by the rule: the word as printed, then what the rule made of it. */
  roleOwnerPrinted: `{word}(${inferred.zh})`,
  edgeLead: LEADS.zh,
  edgeOwner: `${inferred.zh}(未列${LEADS.zh}单位时所列单位)`,
  edgeSupport: SUPPORTS.zh,
  edgeStructure: '隶属(任务→主题)',
  yes: '是',
  no: '否',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  leads: LEADS.en,
  supports: SUPPORTS.en,
  inferredLeads: 'Inferred leads',
  leadCountInferred: '{n} (of which {inferred} inferred)',
  loadHint: '1 per item led, 0.5 per item supported',
  sizeHint: 'Circle size is the load (1 per item led, 0.5 per item supported)',
  leadUnits: 'Lead units',
  supportUnits: 'Supporting units',
  noLead: 'No lead named: the units listed own the item by rule (inferred lead)',
  reachHint: 'ranked by tasks led, then tasks supported',
  tableLeads: 'Leads (whole plan)',
  tableInferredLeads: 'of which inferred',
  tableSupports: 'Supports (whole plan)',
  tableUnits: 'Units (whole plan)',
  tableCountsHint: 'Counts cover the whole plan, whatever is drawn; * marks a lead',
  roleLead: 'Lead',
  roleOwner: inferred.en,
  roleSupport: 'Support',
  roleOwnerPrinted: `{word} (${inferred.en.toLowerCase()})`,
  edgeLead: LEADS.en,
  edgeOwner: `${inferred.en} (units of an item that names no lead)`,
  edgeSupport: SUPPORTS.en,
  edgeStructure: 'Under (task → theme)',
  yes: 'yes',
  no: 'no',
};
