// Untrusted content may reach the DOM as HTML only through src/sanitizer/. This keeps
// every other HTML sink out of src/ (a grep, so it also catches code no test reaches).
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';

const sinks = /\bunsafeHTML\b|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|setHTMLUnsafe|createContextualFragment|DOMParser/;
const root = new URL('../src/', import.meta.url).pathname;
const allowed = (path) => path.startsWith('sanitizer/');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

const offences = [];
for (const path of files(root)) {
  const rel = relative(root, path);
  if (allowed(rel)) continue;
  readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
    if (sinks.test(line)) offences.push(`src/${rel}:${index + 1}: ${line.trim()}`);
  });
}
if (offences.length > 0) {
  console.error('HTML sinks outside src/sanitizer/:\n' + offences.join('\n'));
  process.exit(1);
}
console.log('No HTML sinks outside src/sanitizer/.');
