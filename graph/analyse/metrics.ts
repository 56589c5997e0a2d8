// The coordination metrics of one plan, computed from the model alone (no database), so the
// loader can store them as properties and tests can check them against a reading of the text.
import type { EdgeType, Item } from '../model/plan.ts';
import { measureNetwork, PairCounter, type UnitPair } from './coordination.ts';

/** One planner-readable line per stored metric: the README, the queries and the UI quote these. */
export const metricDefinitions = {
  itemsLed:
    'Items the unit leads: marked as lead, or named on an item that has no lead (it then owns it).',
  itemsSupported: 'Items the unit supports: named, but not as lead, on an item that has a lead.',
  themesReached:
    'Distinct strategic themes the unit reaches through the tasks it leads or supports.',
  load: 'Weighted load: 1 for each item led plus 0.5 for each item supported.',
  betweenness:
    'How often the unit lies on the shortest chains of co-assignment between two other units (0–1); collective units are left out.',
  community:
    'The cluster of units that work together most (Louvain communities of the co-assignment network); empty for collective units.',
  collective:
    'The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by default.',
  unitCount:
    'Distinct units named on the item; for a theme, distinct units reaching it through its tasks.',
  leadCount: 'Distinct units that lead the item.',
  diffuseOwnership: 'The item has three or more leads, so no one unit clearly answers for it.',
  leadUnitCount: 'Distinct units leading at least one task of the theme.',
  coordinatesWith: 'Items two units share, whatever their roles.',
  inferredLeads:
    'Of the items led, those the unit owns by the rule: the item names no lead, so its units lead it.',
} as const;

/**
 * The same definitions in Chinese, the planners' language: the queries' headers quote these and
 * the explorer shows them. The words for the two edge types are the explorer's fixed pair,
 * 牵头 (LEADS) and 配合 (SUPPORTS), whatever role word a notice prints.
 */
export const metricDefinitionsZh: Record<keyof typeof metricDefinitions, string> = {
  itemsLed: '牵头事项数:被列为牵头单位的事项,加上未列牵头单位、按规则由所列单位牵头的事项。',
  itemsSupported: '配合事项数:在已有牵头单位的事项上被列出(不是牵头)的事项。',
  themesReached: '涉及主题数:通过牵头或配合的任务所涉及的不同战略主题。',
  load: '工作量:每牵头一项计 1,每配合一项计 0.5。',
  betweenness:
    '居间度:在单位协作网络中,单位位于另外两个单位之间最短联系上的程度(0–1);不含集合单位。',
  community: '协作群组:经常共同承担事项的单位聚成的群组(Louvain 社区划分);集合单位为空。',
  collective: '集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。',
  unitCount: '单位数:事项上列出的不同单位;主题则为通过其任务涉及的不同单位。',
  leadCount: '牵头单位数:牵头该事项的不同单位。',
  diffuseOwnership: '多头牵头:事项有三个及以上牵头单位,没有哪一个单位能被明确问责。',
  leadUnitCount: '牵头单位数:至少牵头该主题一项任务的不同单位。',
  coordinatesWith: '共同事项:两个单位共同承担的事项,不论角色。',
  inferredLeads: '其中推定牵头:牵头事项中,因未列牵头单位而按规则由所列单位牵头的事项。',
};

/** Leads an item needs before its ownership counts as diffuse. */
export const DIFFUSE_OWNERSHIP_LEADS = 3;
const SUPPORT_WEIGHT = 0.5;

/** The units of one item, once unit identity is settled: each unit once, with its edge. */
export interface ItemAssignment {
  itemId: string;
  units: readonly { unitId: string; edge: EdgeType }[];
}

/** What the metrics need to know of a plan: its items' shape, who does what, which units are collective. */
export interface MetricsInput {
  items: readonly Pick<Item, 'id' | 'kind' | 'parent'>[];
  /** Read once, item by item: a generator will do, so a million edges need not sit in memory. */
  assignments: Iterable<ItemAssignment>;
  /** Every unit the plan names. */
  units: readonly { id: string; collective: boolean }[];
}

export interface UnitMetrics {
  itemsLed: number;
  itemsSupported: number;
  themesReached: number;
  load: number;
  /** Null for a collective unit: collectives are left out of the co-assignment network. */
  betweenness: number | null;
  community: number | null;
  collective: boolean;
}

export interface ItemMetrics {
  unitCount: number;
  leadCount: number;
  diffuseOwnership: boolean;
}

export interface ThemeMetrics {
  unitCount: number;
  leadUnitCount: number;
}

export interface PlanMetrics {
  units: Map<string, UnitMetrics>;
  /** Every item that is not a theme. */
  items: Map<string, ItemMetrics>;
  themes: Map<string, ThemeMetrics>;
  /** Pairs sorted by `a`, then `b`. Collective units are included: sharing an item is a fact whoever shares it. */
  pairs: UnitPair[];
}

/** The theme an item sits under (through its parents), or null: indicators and projects have none. */
function themeResolver(
  items: readonly Pick<Item, 'id' | 'kind' | 'parent'>[],
): (itemId: string) => string | null {
  const byId = new Map(items.map((item) => [item.id, item]));
  const memo = new Map<string, string | null>();
  const resolve = (itemId: string): string | null => {
    const known = memo.get(itemId);
    if (known !== undefined) return known;
    // Walk up iteratively; a malformed model with a parent cycle must not hang the loader.
    const seen = new Set<string>();
    let current = byId.get(itemId);
    let theme: string | null = null;
    while (current !== undefined && !seen.has(current.id)) {
      seen.add(current.id);
      if (current.kind === 'theme') {
        theme = current.id;
        break;
      }
      current = current.parent === null ? undefined : byId.get(current.parent);
    }
    memo.set(itemId, theme);
    return theme;
  };
  return resolve;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

/** Per unit, item, theme and pair, as docs/graph.md defines them. Deterministic for a given input. */
export function computePlanMetrics(input: MetricsInput): PlanMetrics {
  const themeOf = themeResolver(input.items);
  const led = new Map<string, number>();
  const supported = new Map<string, number>();
  const themesOfUnit = new Map<string, Set<string>>();
  const unitsOfTheme = new Map<string, Set<string>>();
  const leadUnitsOfTheme = new Map<string, Set<string>>();
  const itemCounts = new Map<string, ItemMetrics>();
  const pairs = new PairCounter();

  for (const { itemId, units } of input.assignments) {
    const theme = themeOf(itemId);
    let leadCount = 0;
    for (const { unitId, edge } of units) {
      const tally = edge === 'LEADS' ? led : supported;
      tally.set(unitId, (tally.get(unitId) ?? 0) + 1);
      if (edge === 'LEADS') leadCount += 1;
      if (theme !== null && theme !== itemId) {
        addTo(themesOfUnit, unitId, theme);
        addTo(unitsOfTheme, theme, unitId);
        if (edge === 'LEADS') addTo(leadUnitsOfTheme, theme, unitId);
      }
    }
    itemCounts.set(itemId, {
      unitCount: units.length,
      leadCount,
      diffuseOwnership: leadCount >= DIFFUSE_OWNERSHIP_LEADS,
    });
    pairs.addItem(units.map((unit) => unit.unitId));
  }

  const sharedPairs = pairs.pairs();
  const network = measureNetwork(sharedPairs, input.units);

  const units = new Map<string, UnitMetrics>();
  for (const unit of input.units) {
    const itemsLed = led.get(unit.id) ?? 0;
    const itemsSupported = supported.get(unit.id) ?? 0;
    const position = network.get(unit.id);
    units.set(unit.id, {
      itemsLed,
      itemsSupported,
      themesReached: themesOfUnit.get(unit.id)?.size ?? 0,
      load: itemsLed + SUPPORT_WEIGHT * itemsSupported,
      betweenness: position?.betweenness ?? null,
      community: position?.community ?? null,
      collective: unit.collective,
    });
  }

  const items = new Map<string, ItemMetrics>();
  const themes = new Map<string, ThemeMetrics>();
  for (const item of input.items) {
    if (item.kind === 'theme') {
      themes.set(item.id, {
        unitCount: unitsOfTheme.get(item.id)?.size ?? 0,
        leadUnitCount: leadUnitsOfTheme.get(item.id)?.size ?? 0,
      });
    } else {
      items.set(
        item.id,
        itemCounts.get(item.id) ?? { unitCount: 0, leadCount: 0, diffuseOwnership: false },
      );
    }
  }

  return { units, items, themes, pairs: sharedPairs };
}
