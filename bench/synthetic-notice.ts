// A deterministic synthetic task-division notice in the seed's shape: cover letter, indicators
// under 约束性/预期性 groups, themes with numbered tasks (some with an unnumbered second part),
// major projects with "(专栏N)", units on the next line, sub-items or a delegation, and work
// requirements. Sized by item count and units per item, so benchmarks can build plans from a few
// hundred items up to 100k items and a million unit→item edges. Same options, same text.
import { formatChineseNumeral } from '../graph/parse/numerals.ts';

export interface SyntheticOptions {
  /** Items that carry units (indicators, tasks and their second parts, projects, sub-items). */
  items: number;
  /** Average units named per item (each item names between units−2 and units+2, at least 1). */
  unitsPerItem: number;
  /** PRNG seed. */
  seed?: number;
  /** Distinct units to draw from (at least 20). */
  unitPool?: number;
  /** Filler sentences in each task's text: the knob for bytes per item. */
  sentences?: number;
  /** The city the notice is for. */
  city?: string;
}

export interface SyntheticCounts {
  indicators: number;
  themes: number;
  tasks: number;
  projects: number;
  requirements: number;
  items: number;
  edges: number;
  leads: number;
  supports: number;
  /** Edges made LEADS by the rule (items naming only 责任单位). */
  inferred: number;
  /** Distinct units named. */
  units: number;
  documents: number;
}

export interface SyntheticNotice {
  text: string;
  /** What a correct parse of `text` must find. */
  expected: SyntheticCounts;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REAL_UNITS = [
  '市发改委',
  '市经信局',
  '市科技局',
  '市教育局',
  '市人社局',
  '市财政局',
  '市自然资源和规划局',
  '市生态环境局',
  '市城建局',
  '市交通运输局',
  '市水务局',
  '市农业农村局',
  '市商务局',
  '市文旅局',
  '市卫健委',
  '市民政局',
  '市市场监管局',
  '市地方金融局',
  '市政务服务大数据局',
  '市政府国资委',
  '市委网信办',
  '市委组织部',
  '市委宣传部',
  '市园林林业局',
  '市房管局',
  '市城管执法委',
  '市公安局',
  '市司法局',
  '市应急管理局',
  '市体育局',
  '市医保局',
  '市税务局',
  '市统计局',
  '市妇联',
  '团市委',
  '市残联',
  '市总工会',
  '市工商联',
  '市科协',
  '市供销社',
  '武汉新港管委会',
  '东湖高新区管委会',
  '武汉经开区管委会',
  '人行武汉分行营管部',
];
const COLLECTIVES = ['各区人民政府', '相关区人民政府', '市政府各有关部门'];
const DISTRICTS_QUALIFIER = '〈含东湖高新区、武汉经开区、东湖风景区、长江新城管委会,下同〉';
const FIELDS = [
  '港航',
  '粮食',
  '气象',
  '档案',
  '地震',
  '侨务',
  '人防',
  '口岸',
  '林业',
  '渔业',
  '能源',
  '信访',
  '审计',
  '外事',
  '物价',
  '海事',
  '邮政',
  '烟草',
  '盐务',
  '测绘',
];
const SUFFIXES = ['局', '委', '办', '中心', '管理处', '服务中心'];
const VERBS = ['推进', '实施', '加快', '完善', '健全', '提升', '深化', '打造', '建设', '强化'];
const OBJECTS = [
  '城市更新行动',
  '数字经济发展',
  '区域协同创新体系',
  '现代物流枢纽',
  '公共服务供给',
  '生态环境治理',
  '营商环境改革',
  '乡村振兴示范',
  '产业链供应链',
  '综合交通网络',
  '社会治理体系',
  '文化旅游融合',
];
const FILLER = [
  '到2025年,相关指标达到全国先进水平。',
  '坚持系统观念,统筹推进重点领域改革。',
  '加强政策协同,强化要素保障和资金支持。',
  '建立健全长效机制,推动各项任务落地见效。',
  '优化空间布局,提升综合承载能力和服务水平。',
  '深化开放合作,拓展“一带一路”交流渠道。',
];

/** The unit pool: real names first, then generated ones ("市港航局", "市粮食服务中心" …). */
function unitPool(size: number): string[] {
  const pool = [...REAL_UNITS];
  outer: for (const suffix of SUFFIXES) {
    for (const a of FIELDS) {
      for (const b of ['', ...FIELDS]) {
        if (pool.length >= size) break outer;
        if (a === b) continue;
        pool.push(`市${a}${b}${suffix}`);
      }
    }
  }
  return pool.slice(0, Math.max(20, size));
}

export function syntheticNotice(options: SyntheticOptions): SyntheticNotice {
  const random = prng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const pool = unitPool(options.unitPool ?? 200);
  const city = options.city ?? '示范市';
  const sentences = options.sentences ?? 3;
  const perItem = Math.max(1, options.unitsPerItem);
  const total = Math.max(4, Math.floor(options.items));

  const counts: SyntheticCounts = {
    indicators: 0,
    themes: 0,
    tasks: 0,
    projects: 0,
    requirements: 3,
    items: 0,
    edges: 0,
    leads: 0,
    supports: 0,
    inferred: 0,
    units: 0,
    documents: 0,
  };
  const used = new Set<string>();
  let districtsDefined = false;
  const out: string[] = [];
  const line = (text: string) => {
    out.push(text, '');
  };

  /** A unit list in the genre's syntax; counts the edges the rule will make of it. */
  const unitList = (): string => {
    const n = Math.max(1, perItem - 2 + Math.floor(random() * 5));
    const chosen = new Set<string>();
    const wantCollective = random() < 0.5;
    while (chosen.size < Math.min(n - (wantCollective ? 1 : 0), pool.length))
      chosen.add(pick(pool));
    const names = [...chosen];
    let collective: string | null = null;
    if (wantCollective || names.length === 0) collective = pick(COLLECTIVES);
    const onlyResponsible = random() < 0.2;
    const leadCount = onlyResponsible ? 0 : Math.min(names.length, 1 + Math.floor(random() * 3));
    const leads = names.slice(0, leadCount);
    const others = names.slice(leadCount);
    const printed = (name: string) => {
      used.add(name);
      if (name === '各区人民政府' && !districtsDefined) {
        districtsDefined = true;
        return name + DISTRICTS_QUALIFIER;
      }
      return name;
    };
    // Party and mass organisations after a comma, as the seed groups them.
    const group = (list: string[]) => {
      const government = list.filter((u) => u.startsWith('市') && !u.startsWith('市委'));
      const rest = list.filter((u) => !government.includes(u));
      return [government.map(printed).join('、'), rest.map(printed).join('、')]
        .filter((g) => g.length > 0)
        .join(',');
    };
    const responsible = [...others];
    if (collective !== null && !names.includes(collective)) responsible.push(collective);
    const edges = leads.length + responsible.length;
    counts.edges += edges;
    if (leads.length > 0) {
      counts.leads += leads.length;
      counts.supports += responsible.length;
      return responsible.length > 0
        ? `(牵头单位:${group(leads)};责任单位:${group(responsible)})`
        : `(牵头单位:${group(leads)})`;
    }
    counts.leads += responsible.length;
    counts.inferred += responsible.length;
    return `(责任单位:${group(responsible)})`;
  };
  const title = () => `${pick(VERBS)}${pick(OBJECTS)}`;
  const filler = () => {
    let text = '';
    for (let i = 0; i < sentences; i++) text += pick(FILLER);
    return text;
  };

  const planTitle = `${city}国民经济和社会发展第十四个五年规划纲要任务分工方案`;
  line(`市人民政府办公厅关于印发${planTitle}的通知`);
  line('各区人民政府,市人民政府各部门,各有关单位:');
  line(`《${planTitle}》已经市人民政府同意,现印发给你们,请抓好贯彻实施。`);
  line(`${city}人民政府办公厅`);
  line('2022年3月3日');
  line(planTitle);
  line('为确保《纲要》有效实施,结合实际,制订本方案。');

  let budget = total;
  const indicators = Math.min(20, Math.max(2, Math.floor(total * 0.02)));
  const projectsBudget = Math.floor(total * 0.1);
  budget -= indicators + projectsBudget;

  line('一、主要指标分工');
  const binding = Math.ceil(indicators * 0.4);
  line('(一)约束性指标');
  for (let i = 1; i <= indicators; i++) {
    if (i === binding + 1) line('(二)预期性指标');
    const n = i <= binding ? i : i - binding;
    line(`${n}.${pick(OBJECTS)}指标大于${(random() * 90 + 5).toFixed(1)}%。${unitList()}`);
    counts.indicators++;
  }

  line('二、主要任务分工');
  const tasksPerTheme = Math.max(20, Math.ceil(budget / 9000));
  let theme = 0;
  while (budget > 0) {
    theme++;
    line(`(${formatChineseNumeral(theme)})${title()},${title()}`);
    counts.themes++;
    for (let t = 1; t <= tasksPerTheme && budget > 0; t++) {
      line(`${t}.${title()}。${filler()}${unitList()}`);
      counts.tasks++;
      budget--;
      if (budget > 0 && random() < 0.05) {
        line(`${title()},${filler()}${unitList()}`);
        counts.tasks++;
        budget--;
      }
    }
  }

  line('三、重大工程分工');
  let project = 0;
  let remaining = projectsBudget;
  while (remaining > 0) {
    project++;
    const heading = `(${formatChineseNumeral(project)})${title()}工程(专栏${project})`;
    line(heading);
    counts.projects++;
    const shape = random();
    if (shape < 0.03) {
      counts.documents++;
      line(
        `按照《市委办公厅市政府办公厅关于印发${title()}行动计划的通知》(武办发〔2021〕${project}号)分工组织实施。`,
      );
      remaining--;
    } else if (shape < 0.35 || remaining === 1) {
      line(`${unitList().slice(1, -1)}。`);
      remaining--;
    } else {
      const subs = Math.min(
        remaining - 1,
        1 + Math.floor(random() * Math.max(8, remaining / 8000)),
      );
      remaining--;
      for (let s = 0; s < subs; s++) {
        line(`${title()}。${unitList()}`);
        counts.projects++;
        remaining--;
      }
    }
  }

  line('四、工作要求');
  line('(一)推动任务落地见效。各区、各部门和单位要将重大任务纳入年度工作重点事项。');
  line('(二)加强部门统筹协调。各牵头部门要根据职责分工,切实承担主体责任。');
  line('(三)强化监测评估。组织开展动态监测、中期评估和总结评估。');
  out.push('扫一扫在手机上查看当前页面');

  counts.items =
    counts.indicators + counts.themes + counts.tasks + counts.projects + counts.requirements;
  counts.units = used.size;
  return { text: out.join('\n'), expected: counts };
}
