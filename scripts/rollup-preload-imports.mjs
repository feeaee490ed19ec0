// A rollup plugin for the script-tag bundle: where a chunk loads another with `import()`,
// the chunks that one imports statically are fetched at the same moment (a
// `<link rel="modulepreload">` each), instead of one round trip later, once the browser
// has read the first. The adapter chunks share small modules (value readers, thread
// order) that would otherwise be a second step in a chain before the first comments.
import MagicString from 'magic-string';

const helper = '__colloquyPreload';
const helperSource =
  `function ${helper}(paths){for(const path of paths){const link=document.createElement("link");` +
  `link.rel="modulepreload";link.href=new URL(path,import.meta.url).href;document.head.append(link)}}\n`;

export function preloadImports() {
  const users = new Set();
  return {
    name: 'preload-imports',
    renderDynamicImport({chunk, targetChunk, getTargetChunkImports}) {
      if (!targetChunk || !getTargetChunkImports) return null;
      // The importer is there already, and so is the entry (not in chunks/) every chunk imports.
      const paths = (getTargetChunkImports() ?? [])
        .filter((imported) => imported.type === 'internal' && imported.fileName !== chunk.fileName && imported.fileName.startsWith('chunks/'))
        // Each a string literal already (rollup fills in the hashes in the names later).
        .map((imported) => imported.resolvedImportPath);
      if (paths.length === 0) return null;
      users.add(chunk.fileName);
      return {left: `(${helper}([${paths.join(',')}]),import(`, right: '))'};
    },
    renderChunk(code, chunk) {
      // Rendered after its dynamic imports: the set knows whether this chunk calls the helper.
      if (!users.has(chunk.fileName) && !users.has(chunk.preliminaryFileName)) return null;
      const edited = new MagicString(code).prepend(helperSource);
      return {code: edited.toString(), map: edited.generateMap({hires: true})};
    },
  };
}
