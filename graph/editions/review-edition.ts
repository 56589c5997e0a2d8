// A file read for import, as an edition to compare with the plan it would replace. Its units are
// named as the loader would name them (graph/load/rows.ts preparePlan: a unit the dictionary knows
// goes by its canonical name), so 东湖高新区 in the file and 东湖高新区管委会 in the graph are one
// unit, as they would be once loaded. Pure.
import type { UnitDictionary } from '../dictionary/schema.ts';
import { preparePlan, PlanModelError } from '../load/rows.ts';
import type { PlanModel } from '../model/plan.ts';
import type { Edition } from './edition.ts';

export function reviewEdition(model: PlanModel, dictionaries: readonly UnitDictionary[]): Edition {
  const { jurisdiction } = model.plan;
  const dictionary = dictionaries.find((candidate) => candidate.jurisdiction === jurisdiction);
  let unitIdOfKey: ReadonlyMap<string, string>;
  try {
    ({ unitIdOfKey } = preparePlan(model, dictionary ?? null, { name: '', text: '', sha256: '' }));
  } catch (error) {
    // A model the loader refuses (the review says why) is still compared, by the parser's keys.
    if (!(error instanceof PlanModelError)) throw error;
    unitIdOfKey = new Map();
  }
  const prefix = `${jurisdiction}/`;
  const loadedKey = (key: string) => {
    const id = unitIdOfKey.get(key);
    return id?.startsWith(prefix) === true ? id.slice(prefix.length) : key;
  };
  return {
    plan: model.plan,
    items: model.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      ref: item.ref,
      title: item.title,
      parent: item.parent,
      units: item.units.map((unit) => ({
        name: unit.name,
        key: loadedKey(unit.key),
        edge: unit.edge,
      })),
    })),
  };
}
