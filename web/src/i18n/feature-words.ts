// A feature's own words (i18n/features/*.ts), looked up in the interface language with their
// `{name}`s filled in: one lookup for every feature file rather than a copy in each.
import type { Lang } from './messages.ts';

/** The lookup of a feature's words: `word(lang, key, params)`. */
export function featureWords<Key extends string>(words: Record<Lang, Record<Key, string>>) {
  return (lang: Lang, key: Key, params: Record<string, string | number> = {}): string =>
    words[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
}
