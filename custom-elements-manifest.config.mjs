export default {
  litelement: true,
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  // The manifest is generated on every build; editing package.json is left to us.
  packagejson: false,
};
