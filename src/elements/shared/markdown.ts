import type {ReactiveController, ReactiveElement, TemplateResult} from 'lit';
import {loadMarkdown, markdownTokens} from '../../content/markdown.js';
import {loadOnce} from '../../core/load-once.js';

type Templates = typeof import('./markdown-templates.js');
let templates: Templates | undefined;

/**
 * The lexer and the templates its tokens become, loaded once: neither is needed before a
 * comment in Markdown shows. A failed load is tried again by the next comment that needs it.
 */
const loadMarkdownTemplates = loadOnce(() =>
  Promise.all([loadMarkdown(), import('./markdown-templates.js')]).then(([, module]) => {
    templates = module;
  }),
);

/**
 * Renders Markdown text as Lit templates for its host, loading the parser on first use and
 * re-rendering the host once it is there. Until then `render` answers undefined and the
 * host shows the text as plain text.
 */
export class MarkdownController implements ReactiveController {
  #connected = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
  }

  /** Starts loading the parser before the first comment in Markdown asks for it (the backend said it has some). */
  prefetch(): void {
    void loadMarkdownTemplates().catch(() => {});
  }

  render(text: string): TemplateResult | undefined {
    const tokens = templates && markdownTokens(text);
    if (tokens) return templates!.markdownTemplate(tokens);
    loadMarkdownTemplates().then(
      () => {
        if (this.#connected) this.host.requestUpdate();
      },
      // The text stays shown as typed; the next render tries again.
      console.error,
    );
    return undefined;
  }
}
