// Typings the console's imports need and their packages do not resolve on their own.

// Vite's `?inline` CSS imports: the stylesheet's text, for a shadow root's styles.
declare module '*.css?inline' {
  const css: string;
  export default css;
}

// @neo4j-cypher/codemirror ships typings, but its package.json "exports" hides them from
// TypeScript; they are reached through the subpath it does export. Its createCypherEditor is
// typed as returning the editor API while the code returns `{ editor }`: `unknown` here.
declare module '@neo4j-cypher/codemirror' {
  import type { EditorApi, EditorOptions } from '@neo4j-cypher/codemirror/src/codemirror.d.ts';
  export type { EditorApi, EditorOptions };
  export function createCypherEditor(
    parentDOMElement: Element | DocumentFragment,
    options: EditorOptions,
  ): unknown;
}
