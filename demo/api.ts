// Renders the API reference from custom-elements.json: per element, its attributes and
// properties, events, slots, parts and custom properties, with an example.
import {html, nothing, render, type TemplateResult} from 'lit';

interface Described {
  name: string;
  description?: string;
}
interface Attribute extends Described {
  fieldName?: string;
  type?: {text: string};
  default?: string;
}
interface Member extends Attribute {
  kind: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}
interface Element extends Described {
  tagName: string;
  summary?: string;
  attributes?: Attribute[];
  members?: Member[];
  events?: (Described & {type?: {text: string}})[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Manifest {
  modules: {path: string; declarations: (Element & {customElement?: boolean})[]}[];
}

/** How each element is used; the tables below say what each name means. */
const examples: Record<string, string> = {
  'comment-thread': `<comment-thread adapter="rest" endpoint="https://api.example.com/comments" thread="my-post">
  <comment-form></comment-form>
</comment-thread>

<script type="module">
  const thread = document.querySelector('comment-thread');
  thread.addEventListener('comment-load', (event) => console.log(event.comments.length));
</script>`,
  'comment-form': `<comment-form adapter="wordpress" endpoint="https://example.com" post="14" heading-level="2"></comment-form>

<script type="module">
  const form = document.querySelector('comment-form');
  form.addEventListener('comment-submit', (event) => {
    if (event.comment.text.includes('spam')) event.preventDefault();
  });
</script>`,
  'login-choice': `<login-choice adapter="memory" guests="optional" sign-in-callback="/sign-in/callback.html"></login-choice>

<script type="module">
  document.querySelector('login-choice').addEventListener('login-success', (event) => {
    console.log('Signed in as', event.session.viewer.name);
  });
</script>`,
};

/** Descriptions are Markdown-ish: `code` spans become <code>, the rest stays text. */
const text = (value: string | undefined) =>
  (value?.replace(/\s+/g, ' ').trim() ?? '').split('`').map((piece, index) => (index % 2 ? html`<code>${piece}</code>` : piece));

function table<T>(caption: string, headings: string[], rows: T[], row: (item: T) => TemplateResult): TemplateResult | typeof nothing {
  if (rows.length === 0) return nothing;
  return html`<div class="table-scroll">
    <table>
      <caption>${caption}</caption>
      <thead><tr>${headings.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map(row)}</tbody>
    </table>
  </div>`;
}

function renderElement(element: Element): TemplateResult {
  const attributes = element.attributes ?? [];
  const propertiesOnly = (element.members ?? []).filter(
    (m) => m.kind === 'field' && !m.privacy && !m.static && !m.readonly && !attributes.some((a) => a.fieldName === m.name),
  );
  return html`<section class="element" aria-labelledby=${`${element.tagName}-heading`}>
    <h2 id=${`${element.tagName}-heading`}><code>&lt;${element.tagName}&gt;</code></h2>
    <p class="summary">${text(element.summary)}</p>
    <p>${text(element.description)}</p>
    <pre><code>${examples[element.tagName] ?? ''}</code></pre>
    ${table('Attributes and properties', ['Attribute', 'Property', 'Type', 'Default', 'Description'], attributes, (a) => html`<tr>
      <td><code>${a.name}</code></td><td><code>${a.fieldName ?? ''}</code></td><td><code>${a.type?.text ?? ''}</code></td>
      <td><code>${a.default ?? ''}</code></td><td>${text(a.description)}</td></tr>`)}
    ${table('Properties only (set from script)', ['Property', 'Type', 'Description'], propertiesOnly, (m) => html`<tr>
      <td><code>${m.name}</code></td><td><code>${m.type?.text ?? ''}</code></td><td>${text(m.description)}</td></tr>`)}
    ${table('Events', ['Event', 'Class', 'Description'], element.events ?? [], (e) => html`<tr>
      <td><code>${e.name}</code></td><td><code>${e.type?.text ?? ''}</code></td><td>${text(e.description)}</td></tr>`)}
    ${table('Slots', ['Slot', 'Description'], element.slots ?? [], (s) => html`<tr>
      <td><code>${s.name || '(default)'}</code></td><td>${text(s.description)}</td></tr>`)}
    ${table('Parts (::part)', ['Part', 'Description'], element.cssParts ?? [], (p) => html`<tr>
      <td><code>${p.name}</code></td><td>${text(p.description)}</td></tr>`)}
    ${table('CSS custom properties', ['Property', 'Description'], element.cssProperties ?? [], (p) => html`<tr>
      <td><code>${p.name}</code></td><td>${text(p.description)}</td></tr>`)}
  </section>`;
}

const target = document.getElementById('reference')!;
// Lit renders after existing children: the "Loading…" placeholder goes first.
target.replaceChildren();
try {
  const response = await fetch('/custom-elements.json');
  if (!response.ok) throw new Error(`custom-elements.json answered ${response.status}`);
  const manifest = (await response.json()) as Manifest;
  const elements = manifest.modules.flatMap((module) => module.declarations.filter((d) => d.customElement));
  render(
    html`<nav aria-label="Elements"><ul class="toc">${elements.map(
      (e) => html`<li><a href=${`#${e.tagName}-heading`}><code>&lt;${e.tagName}&gt;</code></a></li>`,
    )}</ul></nav>
    ${elements.map(renderElement)}`,
    target,
  );
} catch (error) {
  render(html`<p role="alert">The manifest could not be loaded (${String(error)}). Run <code>npm run build</code>, or start the demo with <code>npm start</code>, which writes it.</p>`, target);
}
