// Writes the framework typings from custom-elements.json (run by scripts/build.mjs after
// the analyzer): JSX for React 19, GlobalComponents for Vue, SvelteHTMLElements for
// Svelte 5. Property types are read from the element classes (`CommentThreadElement['sort']`),
// so the typings cannot drift from the code; the manifest says which names exist.
// Each is an entry of its own (`colloquy/react`, `colloquy/vue`, `colloquy/svelte`), an
// empty module whose declarations augment the framework's.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const elements = manifest.modules.flatMap((module) => module.declarations.filter((d) => d.customElement));

const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
const pascal = (name) => camel(name).replace(/^\w/, (letter) => letter.toUpperCase());
const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/')} */\n` : '');

/** Per element: its class, the properties that have attributes, and its events. */
const described = elements.map((element) => ({
  tag: element.tagName,
  className: element.name,
  summary: element.summary ?? '',
  properties: [
    ...element.attributes.filter((a) => a.fieldName).map((a) => ({attribute: a.name, field: a.fieldName, description: a.description})),
    // Properties without an attribute (objects: `replyTo`, `retryOptions`…).
    ...element.members
      .filter((m) => m.kind === 'field' && !m.privacy && !m.static && !m.readonly && !m.attribute)
      .filter((m) => !element.attributes.some((a) => a.fieldName === m.name))
      .map((m) => ({field: m.name, description: m.description})),
  ],
  events: (element.events ?? []).map((e) => ({name: e.name, type: e.type.text, description: e.description})),
}));
const imported = [...new Set(described.flatMap((e) => [e.className, ...e.events.map((event) => event.type)]))].sort();
const header = `// Generated from custom-elements.json by scripts/generate-framework-types.mjs.
import type {${imported.join(', ')}} from '../index.js';
`;

/** Properties, camel-cased, typed from the class. */
function propertyTypes(element, indent) {
  return element.properties
    .map((p) => `${doc(p.description, indent)}${indent}${quote(p.field)}?: ${element.className}['${p.field}'];\n`)
    .join('');
}

/** The attributes whose names differ from their properties (`storage-key`), as strings. */
function kebabAttributes(element, indent) {
  return element.properties
    .filter((p) => p.attribute && p.attribute !== p.field)
    .map((p) => `${doc(p.description, indent)}${indent}${quote(p.attribute)}?: string | number;\n`)
    .join('');
}

function events(element, indent, name) {
  return element.events
    .map((e) => `${doc(e.description, indent)}${indent}${quote(name(e.name))}?: (event: ${e.type}) => void;\n`)
    .join('');
}

const react = `${header}import type {DetailedHTMLProps, HTMLAttributes} from 'react';

/** Props of Colloquy's elements in React 19, which sets properties and listens to \`on<event-name>\`. */
${described
  .map(
    (e) => `export interface ${e.className}Props extends DetailedHTMLProps<HTMLAttributes<${e.className}>, ${e.className}> {
${propertyTypes(e, '  ')}${kebabAttributes(e, '  ')}${events(e, '  ', (name) => `on${name}`)}}
`,
  )
  .join('\n')}
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
${described.map((e) => `${doc(e.summary, '      ')}      '${e.tag}': ${e.className}Props;\n`).join('')}    }
  }
}
`;

const vue = `${header}import type {DefineComponent} from 'vue';

/** Props of Colloquy's elements in Vue templates; \`@comment-load\` is \`onCommentLoad\`. */
${described
  .map(
    (e) => `export interface ${e.className}Props {
${propertyTypes(e, '  ')}${events(e, '  ', (name) => `on${pascal(name)}`)}}
`,
  )
  .join('\n')}
declare module 'vue' {
  interface GlobalComponents {
${described.map((e) => `${doc(e.summary, '    ')}    '${e.tag}': DefineComponent<${e.className}Props>;\n`).join('')}  }
}
`;

const svelte = `${header}import type {HTMLAttributes} from 'svelte/elements';

/** Attributes of Colloquy's elements in Svelte 5, which sets properties and listens to \`on<event-name>\`. */
${described
  .map(
    (e) => `export interface ${e.className}Attributes extends HTMLAttributes<${e.className}> {
${propertyTypes(e, '  ')}${kebabAttributes(e, '  ')}${events(e, '  ', (name) => `on${name}`)}}
`,
  )
  .join('\n')}
declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${described.map((e) => `${doc(e.summary, '    ')}    '${e.tag}': ${e.className}Attributes;\n`).join('')}  }
}
`;

mkdirSync(new URL('dist/types/frameworks/', root), {recursive: true});
for (const [name, typings] of Object.entries({react, vue, svelte})) {
  writeFileSync(new URL(`dist/types/frameworks/${name}.d.ts`, root), typings);
  writeFileSync(new URL(`dist/${name}.js`, root), `// Types only: see ${name}.d.ts in dist/types/frameworks/.\nexport {};\n`);
}
