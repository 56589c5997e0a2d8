// The general unit-name table (seeds/unit-names-cn.json): how Chinese government bodies are
// printed in any jurisdiction — 市发改委 / 市发展改革委 / 市发展和改革委员会 — and the canonical key
// that makes those printings one unit. Pure: the table comes in as data, keys come out.
//
// A name is read as a place, then a stem: the place is a level (省, 市, 区, 县 …) or a place name
// ending in one (江岸区, 武汉市), and the stem is looked up whole. Only whole stems match, so a
// name the table does not know keeps its form; nothing is guessed from a fragment.
import { z } from 'zod';
import { UnitCategory } from './schema.ts';

const Name = z.string().trim().min(1, 'expected a non-empty name');
/** A full-name pattern with one or more {place}: 国家税务总局{place}税务局. */
const Pattern = Name.regex(/\{place\}/u, 'expected {place} in the pattern');

/** A body every city, province, district or county has: printed after its place. */
const LocalStem = z.strictObject({
  /** The short form notices print: 发改委. */
  name: Name,
  /** The stem of the official name: 发展和改革委员会. */
  full: Name,
  /** Other printings of the stem: 发展改革委, 发展改革委员会. */
  forms: z.array(Name).default([]),
  category: UnitCategory,
  /** Without the place: "Development and Reform Commission". */
  englishName: Name,
  /** The official name when it is not place + full: 国家税务总局{place}税务局. */
  fullNamePattern: Pattern.optional(),
});
export type LocalStem = z.infer<typeof LocalStem>;

/** An organ of a party committee: printed after 市委, 省委, 区委 … (市委组织部). */
const PartyStem = z.strictObject({
  name: Name,
  full: Name,
  forms: z.array(Name).default([]),
  englishName: Name,
  /**
   * Printings right after the level, without 委, that name the same organ: 市政法委, 市网信办,
   * and the government plates some organs carry (市外办 for 市委外办).
   */
  levelForms: z.array(Name).default([]),
});
export type PartyStem = z.infer<typeof PartyStem>;

/** A national body, printed whole: 国家发展改革委, 工业和信息化部, 全国妇联. */
const NationalName = z.strictObject({
  name: Name,
  fullName: Name,
  forms: z.array(Name).default([]),
  category: UnitCategory,
  englishName: Name,
});
export type NationalName = z.infer<typeof NationalName>;

export const UnitNames = z
  .strictObject({
    source: Name,
    note: Name.optional(),
    local: z.array(LocalStem),
    party: z.array(PartyStem),
    national: z.array(NationalName),
  })
  .superRefine((table, ctx) => {
    // A printing that led to two canonical forms would make a key a guess; each section is its
    // own namespace (local stems follow a place, party stems follow 委, national names stand whole).
    const claim = (
      owners: Map<string, string>,
      form: string,
      canonical: string,
      path: (string | number)[],
    ) => {
      const previous = owners.get(form);
      if (previous === undefined) owners.set(form, canonical);
      else if (previous !== canonical)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `expected "${form}" to name one body; it is already a form of ${previous}`,
        });
    };
    const local = new Map<string, string>();
    table.local.forEach((entry, i) => {
      claim(local, entry.name, entry.name, ['local', i, 'name']);
      claim(local, entry.full, entry.name, ['local', i, 'full']);
      entry.forms.forEach((form, f) => claim(local, form, entry.name, ['local', i, 'forms', f]));
    });
    // Level forms sit in the local namespace: 市外办 must not be both a bureau and 市委外办.
    table.party.forEach((entry, i) => {
      entry.levelForms.forEach((form, f) =>
        claim(local, form, `委${entry.name}`, ['party', i, 'levelForms', f]),
      );
    });
    const party = new Map<string, string>();
    table.party.forEach((entry, i) => {
      claim(party, entry.name, entry.name, ['party', i, 'name']);
      claim(party, entry.full, entry.name, ['party', i, 'full']);
      entry.forms.forEach((form, f) => claim(party, form, entry.name, ['party', i, 'forms', f]));
    });
    const national = new Map<string, string>();
    table.national.forEach((entry, i) => {
      claim(national, entry.name, entry.name, ['national', i, 'name']);
      claim(national, entry.fullName, entry.name, ['national', i, 'fullName']);
      entry.forms.forEach((form, f) =>
        claim(national, form, entry.name, ['national', i, 'forms', f]),
      );
    });
  });
export type UnitNames = z.infer<typeof UnitNames>;

/** What the table says about one printed name. */
export type NameReading =
  | { kind: 'local'; key: string; place: string; level: string | null; stem: LocalStem }
  | { kind: 'party'; key: string; place: string; level: string | null; stem: PartyStem }
  | { kind: 'youth-league'; key: string; place: string; level: string | null }
  | { kind: 'national'; key: string; entry: NationalName };

/** Levels of government, as a notice prints them before a stem (市发改委, 自治区发展改革委). */
const LEVELS = ['自治区', '地区', '省', '市', '州', '盟', '区', '县', '旗'] as const;
/** The last character of every level and of every place name that ends in one. */
const LEVEL_CHARS = new Set(['省', '市', '州', '盟', '区', '县', '旗']);
/** A place name: Han characters only, ending in a level, naming one place. */
const PLACE = /^[\u3400-\u9fff]{1,12}$/u;
/** …but not "each district", "the districts concerned", a party prefix, nor an office's name. */
const NOT_A_PLACE =
  /^(?:各|相关|有关|全|本|该|所属|其他|其它|驻|中共|中国共产党|共青团)|[委局办厅]/u;
const PARTY_PREFIX = /^(?:中共|中国共产党)/u;
const YOUTH_LEAGUE = /^(?:共青)?团(.+?)委(?:员会)?$/u;

function isPlace(text: string): boolean {
  if ((LEVELS as readonly string[]).includes(text)) return true;
  return PLACE.test(text) && LEVEL_CHARS.has(text.at(-1) ?? '') && !NOT_A_PLACE.test(text);
}

/** The level a jurisdiction prints for itself: 武汉市 → 市, 新疆维吾尔自治区 → 自治区. */
export function levelOf(jurisdiction: string): string | null {
  for (const level of LEVELS) if (jurisdiction.endsWith(level)) return level;
  return null;
}

interface Inverse {
  head: string;
  tail: string;
  stem: LocalStem;
}

/** A table made ready for lookups: every printing of a stem → its entry. */
export interface UnitNamer {
  readonly table: UnitNames;
  /** The canonical key of a name already width-folded, Simplified and without white space. */
  canonical(key: string, jurisdiction?: string): string;
  /** What the table knows of that name, or null when it knows nothing. */
  read(key: string, jurisdiction?: string): NameReading | null;
}

export function compileUnitNames(table: UnitNames): UnitNamer {
  const local = new Map<string, LocalStem>();
  const inverses: Inverse[] = [];
  for (const stem of table.local) {
    for (const form of [stem.name, stem.full, ...stem.forms]) local.set(form, stem);
    // 国家税务总局武汉市税务局 names 市税务局: a pattern read backwards finds the place.
    const parts = stem.fullNamePattern?.split('{place}');
    if (parts?.length === 2 && parts[0] !== '') {
      inverses.push({ head: parts[0] ?? '', tail: parts[1] ?? '', stem });
    }
  }
  const party = new Map<string, PartyStem>();
  const partyAtLevel = new Map<string, PartyStem>();
  for (const stem of table.party) {
    for (const form of [stem.name, stem.full, ...stem.forms]) party.set(form, stem);
    for (const form of stem.levelForms) partyAtLevel.set(form, stem);
  }
  const national = new Map<string, NationalName>();
  for (const entry of table.national) {
    for (const form of [entry.name, entry.fullName, ...entry.forms]) national.set(form, entry);
  }

  /**
   * The place as the key prints it: the plan's own jurisdiction becomes its level (武汉市 → 市 in
   * a Wuhan plan), so that 武汉市发改委 and 市发改委 are one unit; any other place stays, and
   * 省发改委 stays apart from 市发改委.
   */
  const placeKey = (place: string, jurisdiction: string | undefined) => {
    if (jurisdiction === undefined || jurisdiction === '') return place;
    const level = levelOf(jurisdiction);
    if (level === null) return place;
    if (place === jurisdiction) return level;
    // 湖北省武汉市 in a plan filed under 武汉市: what precedes is the province around it.
    if (place.endsWith(jurisdiction) && isPlace(place.slice(0, -jurisdiction.length))) return level;
    return place;
  };
  const levelIn = (place: string) => ((LEVELS as readonly string[]).includes(place) ? place : null);

  const read = (key: string, jurisdiction?: string): NameReading | null => {
    const whole = national.get(key);
    if (whole !== undefined) return { kind: 'national', key: whole.name, entry: whole };

    // 市发改委, 武汉市发展和改革委员会, 江岸区人民政府; the first cut that reads wins, so the
    // place is the shortest one (市 of 市市场监管局, not 市市).
    for (let at = 1; at < key.length; at++) {
      if (!LEVEL_CHARS.has(key.charAt(at - 1))) continue;
      const rest = key.slice(at);
      const stem = local.get(rest);
      const partyStem = stem === undefined ? partyAtLevel.get(rest) : undefined;
      if (stem === undefined && partyStem === undefined) continue;
      const place = key.slice(0, at);
      if (!isPlace(place)) continue;
      const printed = placeKey(place, jurisdiction);
      if (stem !== undefined) {
        return {
          kind: 'local',
          key: printed + stem.name,
          place: printed,
          level: levelIn(printed),
          stem,
        };
      }
      if (partyStem !== undefined) {
        return {
          kind: 'party',
          key: `${printed}委${partyStem.name}`,
          place: printed,
          level: levelIn(printed),
          stem: partyStem,
        };
      }
    }

    // 市委组织部, 中共武汉市委统一战线工作部, 中共武汉市委.
    const withoutParty = key.replace(PARTY_PREFIX, '');
    const hadPartyPrefix = withoutParty.length !== key.length;
    for (let at = withoutParty.indexOf('委'); at > 0; at = withoutParty.indexOf('委', at + 1)) {
      const place = withoutParty.slice(0, at);
      if (!isPlace(place)) continue;
      const rest = withoutParty.slice(at + 1);
      const stem = party.get(rest);
      const printed = placeKey(place, jurisdiction);
      if (stem !== undefined) {
        return {
          kind: 'party',
          key: `${printed}委${stem.name}`,
          place: printed,
          level: levelIn(printed),
          stem,
        };
      }
      // 中共武汉市委 is the committee itself; bare 市委 already is its own key.
      if (rest === '' && hadPartyPrefix) {
        return {
          kind: 'party',
          key: `${printed}委`,
          place: printed,
          level: levelIn(printed),
          stem: COMMITTEE,
        };
      }
    }

    // 团市委, 共青团武汉市委员会.
    const league = YOUTH_LEAGUE.exec(key);
    if (league !== null) {
      const place = league[1] ?? '';
      if (isPlace(place)) {
        const printed = placeKey(place, jurisdiction);
        return {
          kind: 'youth-league',
          key: `团${printed}委`,
          place: printed,
          level: levelIn(printed),
        };
      }
    }

    // 国家税务总局武汉市税务局, 中国国际贸易促进委员会武汉市分会.
    for (const inverse of inverses) {
      if (!key.startsWith(inverse.head) || !key.endsWith(inverse.tail)) continue;
      const place = key.slice(inverse.head.length, key.length - inverse.tail.length);
      if (!isPlace(place)) continue;
      const printed = placeKey(place, jurisdiction);
      return {
        kind: 'local',
        key: printed + inverse.stem.name,
        place: printed,
        level: levelIn(printed),
        stem: inverse.stem,
      };
    }

    // A stem printed with no place at all (发改局 in a district's own notice).
    const bare = local.get(key);
    if (bare !== undefined) {
      return { kind: 'local', key: bare.name, place: '', level: null, stem: bare };
    }
    return null;
  };

  return {
    table,
    read,
    canonical: (key, jurisdiction) => read(key, jurisdiction)?.key ?? key,
  };
}

/** The committee itself (中共武汉市委 → 市委): a party reading with no organ. */
const COMMITTEE: PartyStem = {
  name: '',
  full: '',
  forms: [],
  englishName: 'Party Committee',
  levelForms: [],
};

/** Levels in English, for briefings: 市 → Municipal. */
const LEVEL_ENGLISH: Record<string, string> = {
  自治区: 'Regional',
  地区: 'Prefectural',
  省: 'Provincial',
  市: 'Municipal',
  州: 'Prefectural',
  盟: 'League',
  区: 'District',
  县: 'County',
  旗: 'Banner',
};

export interface NameFacts {
  category: UnitCategory;
  /** The official name, when the place is known (the plan's own level, or a place name). */
  fullName?: string;
  englishName?: string;
}

/**
 * Full and English names and the category a reading implies. A full name needs to know the place:
 * 市发改委 in a Wuhan plan is 武汉市发展和改革委员会, but 省发改委 there names a province that the
 * plan does not, so it gets none.
 */
export function factsOf(reading: NameReading, jurisdiction?: string): NameFacts {
  if (reading.kind === 'national') {
    return {
      category: reading.entry.category,
      fullName: reading.entry.fullName,
      englishName: reading.entry.englishName,
    };
  }
  const place = placeName(reading, jurisdiction);
  const level = reading.level === null ? undefined : LEVEL_ENGLISH[reading.level];
  switch (reading.kind) {
    case 'local': {
      const pattern = reading.stem.fullNamePattern ?? `{place}${reading.stem.full}`;
      return withOptional(
        reading.stem.category,
        place === null ? undefined : pattern.replaceAll('{place}', place),
        level === undefined ? undefined : `${level} ${reading.stem.englishName}`,
      );
    }
    case 'party':
      return withOptional(
        'party-organ',
        place === null ? undefined : `中共${place}委${reading.stem.full}`,
        level === undefined
          ? undefined
          : reading.stem === COMMITTEE
            ? `${level} Party Committee`
            : `${reading.stem.englishName}, ${level} Party Committee`,
      );
    case 'youth-league':
      return withOptional(
        'peoples-organisation',
        place === null ? undefined : `共青团${place}委员会`,
        level === undefined ? undefined : `${level} Committee of the Communist Youth League`,
      );
  }
}

function withOptional(
  category: UnitCategory,
  fullName: string | undefined,
  englishName: string | undefined,
): NameFacts {
  const facts: NameFacts = { category };
  if (fullName !== undefined) facts.fullName = fullName;
  if (englishName !== undefined) facts.englishName = englishName;
  return facts;
}

/** The place a reading names, in full: 市 in a Wuhan plan is 武汉市; 江岸区 is itself. */
function placeName(
  reading: Exclude<NameReading, { kind: 'national' }>,
  jurisdiction: string | undefined,
): string | null {
  if (reading.place === '') return null;
  if (reading.level === null) return reading.place;
  if (jurisdiction !== undefined && levelOf(jurisdiction) === reading.level) return jurisdiction;
  return null;
}
