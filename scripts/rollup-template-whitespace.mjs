// A rollup plugin that removes, at build time, the whitespace that formatting puts in
// Lit `html` templates where the browser would not show it anyway: a line break and its
// indentation right before or after a block element's tag (`<li>`, `</div>`…), which is
// at the start or end of a line or alone between blocks. Each such run is a text node in
// every rendered comment. Runs between inline elements or bindings, and whitespace on one
// line, are kept: there they are a visible space. (No template here uses `white-space: pre`
// on these elements; adding one would need this plugin to learn about it.)
import MagicString from 'magic-string';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** The tag that ends right before `index` (`<li …>` or `</li>`), as {name, closing}. */
function tagBefore(text, index) {
  if (text[index - 1] !== '>') return undefined;
  const open = text.lastIndexOf('<', index - 1);
  const match = open === -1 ? null : /^<(\/?)([a-zA-Z][\w-]*)/.exec(text.slice(open, index));
  return match ? {name: match[2].toLowerCase(), closing: match[1] === '/'} : undefined;
}

/** The tag that starts at `index`, as {name, closing}. */
function tagAt(text, index) {
  const match = /^<(\/?)([a-zA-Z][\w-]*)/.exec(text.slice(index, index + 40));
  return match ? {name: match[2].toLowerCase(), closing: match[1] === '/'} : undefined;
}

const isBlock = (tag) => tag !== undefined && BLOCK.has(tag.name);

/** One static part of a template, with the invisible runs taken out. */
export function stripStatic(text) {
  return text.replace(/[ \t]*\n\s*/g, (run, offset) => {
    const before = tagBefore(text, offset);
    const after = tagAt(text, offset + run.length);
    // Next to a block's edge, whitespace is at the start or end of a line, or alone
    // between blocks: the browser shows none of it.
    return isBlock(before) || isBlock(after) ? '' : run;
  });
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

export function templateWhitespace() {
  return {
    name: 'template-whitespace',
    transform(code, id) {
      if (!id.includes('/build/') || !/\bhtml\s*`/.test(code)) return null;
      const edits = new MagicString(code);
      let changed = false;
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || node.tag.name !== 'html') return;
        for (const quasi of node.quasi.quasis) {
          if (quasi.start === quasi.end) continue;
          const text = code.slice(quasi.start, quasi.end);
          const stripped = stripStatic(text);
          if (stripped === text) continue;
          edits.overwrite(quasi.start, quasi.end, stripped);
          changed = true;
        }
      });
      return changed ? {code: edits.toString(), map: edits.generateMap({hires: true})} : null;
    },
  };
}

/**
 * One static part of a Lit `css` template, minified: comments gone, whitespace collapsed to
 * one space and dropped where CSS's grammar does not need it (around `{ } ; , >` and after
 * `:`; never before `:`, where `.a :is(b)` is a descendant selector, nor around `+ -`, which
 * `calc()` needs). Quoted strings are kept as they are. The part's first and last
 * whitespace stays unless a delimiter is beside it: a `${}` there may need it.
 */
export function minifyCss(text) {
  return text
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      return part
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,>]) ?/g, '$1')
        .replace(/: /g, ':')
        .replace(/;}/g, '}');
    })
    .join('');
}

/** Minifies the static parts of Lit `css` templates (see minifyCss) at build time. */
export function cssTemplates() {
  return {
    name: 'css-templates',
    transform(code, id) {
      if (!id.includes('/build/') || !/\bcss\s*`/.test(code)) return null;
      const edits = new MagicString(code);
      let changed = false;
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || node.tag.name !== 'css') return;
        const quasis = node.quasi.quasis;
        quasis.forEach((quasi, index) => {
          if (quasi.start === quasi.end) return;
          const text = code.slice(quasi.start, quasi.end);
          let minified = minifyCss(text);
          // A whole template's edges are no one's neighbours.
          if (index === 0) minified = minified.trimStart();
          if (index === quasis.length - 1) minified = minified.trimEnd();
          if (minified === text) return;
          edits.overwrite(quasi.start, quasi.end, minified);
          changed = true;
        });
      });
      return changed ? {code: edits.toString(), map: edits.generateMap({hires: true})} : null;
    },
  };
}
