// Which rankings the 本规划 and 全部规划 scopes list, and how a ranking crosses from one scope to the
// other: a per-plan ranking to its twin over every plan (unit-load → portfolio-load) and back.
// Pure: the rankings list the API gives (each says whether it counts every plan, and which
// per-plan ranking it adds up) in, names out.
import { planShortTitle } from '../../../contract/short-title.ts';
import type { HotspotAnswer, HotspotInfo, PlanSummary } from '../api/schema.ts';
import { plansScopeWord } from '../i18n/features/plans-scope.ts';
import { msg, type Lang } from '../i18n/messages.ts';

type Listed = Pick<HotspotInfo, 'name' | 'allPlans' | 'sumOf'>;

/**
 * Rankings whose figures are a unit's place in one plan's network (betweenness, communities):
 * added up over plans they would mean nothing, so they have no twin and the panel says why.
 */
export const NOT_SUMMABLE: readonly string[] = ['brokers', 'communities'];

const countsAll = (entry: Listed) => entry.allPlans === true;

/** The rankings a scope lists, in the API's order. */
export function rankingsIn<T extends Listed>(list: readonly T[], allPlans: boolean): T[] {
  return list.filter((entry) => countsAll(entry) === allPlans);
}

/** The per-plan rankings without a twin over every plan. */
export function perPlanOnly<T extends Listed>(list: readonly T[]): T[] {
  const summed = new Set(list.map((entry) => entry.sumOf));
  return list.filter((entry) => !countsAll(entry) && !summed.has(entry.name));
}

/** The per-plan rankings that have a twin over every plan. */
export function withTwin<T extends Listed>(list: readonly T[]): T[] {
  const summed = new Set(list.map((entry) => entry.sumOf));
  return list.filter((entry) => !countsAll(entry) && summed.has(entry.name));
}

/**
 * The ranking to show in a scope in place of `name`: itself when the scope lists it, else its
 * twin, else the scope's first ranking; null when the scope lists none.
 */
export function rankingFor(
  list: readonly Listed[],
  name: string,
  allPlans: boolean,
): string | null {
  const listed = rankingsIn(list, allPlans);
  if (listed.some((entry) => entry.name === name)) return name;
  const own = list.find((entry) => entry.name === name);
  const twin = allPlans
    ? listed.find((entry) => entry.sumOf === name)
    : listed.find((entry) => entry.name === own?.sumOf);
  return (twin ?? listed[0])?.name ?? null;
}

/** Which plans a figure covers, in the planner's words: one plan, a chosen set, or all of them. */
export function scopeWords(
  lang: Lang,
  answer: Pick<HotspotAnswer, 'plans' | 'allPlans' | 'chosenPlans'>,
): string {
  const plans = answer.plans.map((plan) => planShortTitle(plan)).join('、');
  const count = answer.plans.length;
  if (answer.chosenPlans === true)
    return plansScopeWord(lang, 'plansScopeChosen', { count, plans });
  return answer.allPlans
    ? msg(lang, 'hotspotsScopeAll', { count, plans })
    : msg(lang, 'hotspotsScope', { plans });
}

/**
 * A by-plan cell ("<title> 12; <title> 3") with each plan's forty-character title given as its
 * short title, as the picker names plans; titles of plans not listed stay as printed.
 */
export function shortenPlanTitles(text: string, plans: readonly PlanSummary[]): string {
  // Longest first: one title may begin another (a revised edition's).
  const byLength = [...plans].sort((a, b) => b.title.length - a.title.length);
  return text
    .split('; ')
    .map((part) => {
      const plan = byLength.find((candidate) => part.startsWith(`${candidate.title} `));
      return plan === undefined ? part : `${planShortTitle(plan)}${part.slice(plan.title.length)}`;
    })
    .join('; ');
}
