// The custom elements manifest describes what the package ships: the three elements, at
// the entry that defines them, with everything they inherit (the adapter attributes and
// the theme's custom properties, from the internal AdapterElement) inlined.

/** Where each element's module is shipped: the npm entry that defines it. */
const shippedAt = {
  'src/elements/comment-thread/comment-thread.ts': 'dist/index.js',
  'src/elements/comment-form/comment-form.ts': 'dist/index.js',
  'src/elements/comment-count/comment-count.ts': 'dist/index.js',
  'src/elements/login-choice/login-choice.ts': 'dist/login-choice.js',
};

/** A source path in the manifest, as the shipped file: the entry, else the declarations. */
function shipped(path) {
  const source = path.replace(/^\//, '').replace(/\.js$/, '.ts');
  return shippedAt[source] ?? source.replace(/^src\/(.*)\.ts$/, 'dist/types/$1.d.ts');
}

/** Rewrites every `module` reference below `node` to a shipped path. */
function rewriteModules(node) {
  if (Array.isArray(node)) node.forEach(rewriteModules);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'module' && typeof value === 'string') node[key] = shipped(value);
      else rewriteModules(value);
    }
  }
}

function shippedElementsOnly() {
  return {
    name: 'colloquy-shipped-elements',
    packageLinkPhase({customElementsManifest: manifest}) {
      manifest.modules = manifest.modules.filter((module) => module.path in shippedAt);
      for (const module of manifest.modules) {
        const element = module.declarations.find((declaration) => declaration.customElement);
        // Tags are defined through defineElement(), which the analyzer does not follow.
        module.exports = [
          {kind: 'js', name: element.name, declaration: {name: element.name, module: module.path}},
          {kind: 'custom-element-definition', name: element.tagName, declaration: {name: element.name, module: module.path}},
        ];
        module.declarations = [element];
      }
      rewriteModules(manifest.modules);
      // One module per shipped file: index.js defines two elements.
      const byPath = new Map();
      for (const module of manifest.modules) {
        const path = shipped(module.path);
        const merged = byPath.get(path);
        if (merged) {
          merged.declarations.push(...module.declarations);
          merged.exports.push(...module.exports);
        } else {
          byPath.set(path, {...module, path});
        }
      }
      manifest.modules = [...byPath.values()];
    },
  };
}

export default {
  litelement: true,
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  // The manifest is generated on every build; editing package.json is left to us.
  packagejson: false,
  plugins: [shippedElementsOnly()],
};
