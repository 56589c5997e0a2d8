// The console's editor: CodeMirror 6 with Neo4j's Cypher support (highlighting, completion from
// the graph's labels, relationship types, property keys and the query's parameters). This module
// and everything it imports load only when the console mounts its editor (gt-console.ts imports
// it dynamically): the first screen and the console's shell do not carry CodeMirror.
import { createCypherEditor, type EditorApi, type EditorOptions } from '@neo4j-cypher/codemirror';
import cypherCss from '@neo4j-cypher/codemirror/css/cypher-codemirror.css?inline';
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { QueryInputEvent, QueryRunEvent } from './events.ts';

/** What completion offers besides Cypher's own words: the graph's names and the parameters. */
export interface EditorSchema {
  labels?: string[];
  relationshipTypes?: string[];
  propertyKeys?: string[];
  parameters?: string[];
}

/** The editor's settings; the rest are the package's defaults. */
export const EDITOR_DEFAULTS = {
  theme: 'light',
  lineNumbers: true,
  lineWrapping: true,
  autofocus: false,
  // Completion opens on `:`, `.`, `$`, brackets, as the package suggests; lint stays off: the
  // API's syntax error says the same thing with Neo4j's own words once the query runs.
  autocomplete: true,
  lint: false,
  search: false,
} as const satisfies EditorOptions;

// The package's typings say createCypherEditor returns the API; its code wraps it as `{ editor }`.
function editorApiOf(made: unknown): EditorApi {
  if (typeof made === 'object' && made !== null && 'editor' in made) {
    return (made as { editor: EditorApi }).editor;
  }
  return made as EditorApi;
}

@customElement('gt-cypher-editor')
export class GtCypherEditor extends LitElement {
  static override styles = [
    unsafeCSS(cypherCss),
    css`
      :host {
        display: block;
        border: 1px solid var(--gt-line);
        border-radius: 6px;
        overflow: hidden;
        background: #fff;
      }
      .host {
        min-height: 7.5rem;
        max-height: 22rem;
        overflow: auto;
      }
      .cm-editor {
        min-height: 7.5rem;
        font-size: 0.85rem;
      }
      .cm-editor.cm-focused {
        outline: none;
      }
      :host(:focus-within) {
        border-color: var(--gt-primary);
        box-shadow: 0 0 0 2px rgba(47, 93, 138, 0.18);
      }
    `,
  ];

  #editor: EditorApi | null = null;
  /** The text the editor shows, as last set or typed: a set value equal to it is no change. */
  #text = '';

  @query('.host') private host!: HTMLElement;

  /** The query text; setting it replaces what the editor shows. */
  @property() value = '';
  @property({ attribute: false }) schema: EditorSchema | undefined = undefined;
  @property() label = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#editor?.destroy();
    this.#editor = null;
  }

  // Made once the host is rendered, and again if the element is moved (disconnect destroys it).
  #create(): void {
    this.#text = this.value;
    const editor = editorApiOf(
      createCypherEditor(this.host, { ...EDITOR_DEFAULTS, value: this.value, schema: this.schema }),
    );
    editor.onValueChanged((text: string) => {
      this.#text = text;
      this.dispatchEvent(new QueryInputEvent(text));
    });
    // Before CodeMirror's own keymap (Mod-Enter would insert a blank line): run instead.
    editor.onKeyDown((event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.dispatchEvent(new QueryRunEvent());
      }
    });
    editor.codemirror.contentDOM.setAttribute('aria-label', this.label);
    this.#editor = editor;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.#editor === null) this.#create();
  }

  override updated(changed: PropertyValues<this>): void {
    const editor = this.#editor;
    if (editor === null) {
      this.#create();
      return;
    }
    if (changed.has('value') && this.value !== this.#text) {
      this.#text = this.value;
      editor.setValue(this.value);
    }
    if (changed.has('schema')) editor.setSchema(this.schema);
    if (changed.has('label')) editor.codemirror.contentDOM.setAttribute('aria-label', this.label);
  }

  override focus(): void {
    this.#editor?.focus();
  }

  /** Puts the cursor at a 1-based line and column (where Neo4j found a syntax error). */
  goTo(line: number, column: number): void {
    this.#editor?.setPosition({ line, column });
    this.#editor?.focus();
  }

  override render() {
    return html`<div class="host"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gt-cypher-editor': GtCypherEditor;
  }
}
