// Bundles the extension with esbuild. `--production` minifies, `--watch` rebuilds on change.
// The AWS SDK lives in its own bundle (dist/aws.js), required by the extension on the first
// command that needs it, so activation never loads it. So do the parsers of the hosts (YAML,
// Dockerfile, Python) and the linear-time glob matcher: each is its own dist/parser-*.js, required
// on the first document that needs it, so activation reads none of their code.
import * as esbuild from 'esbuild';

/** Packages the extension requires lazily (see each host's *Syntax.ts), and their bundle names. */
const LAZY_PACKAGES = {
  yaml: 'parser-yaml',
  'dockerfile-ast': 'parser-dockerfile',
  '@lezer/python': 'parser-python',
  re2js: 'parser-re2js',
};

/** In the extension's bundles, `require('yaml')` becomes `require('./parser-yaml.js')`. */
const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    build.onResolve({ filter: /^(yaml|dockerfile-ast|@lezer\/python|re2js)$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: `./${LAZY_PACKAGES[args.path]}.js`, external: true },
    );
  },
};

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: { extension: 'src/extension.ts', aws: 'src/aws/index.ts', ...Object.fromEntries(Object.entries(LAZY_PACKAGES).map(([name, bundle]) => [bundle, name])) },
  plugins: [lazyPackages],
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  // jsonc-parser's UMD build breaks under esbuild; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

/**
 * The command-line checker (`sagemaker-spec check`, the package's `bin`): one self-contained file
 * with everything bundled, run by node from its shebang; it reads data/ beside dist/ like the
 * extension does.
 * @type {import('esbuild').BuildOptions}
 */
const cliOptions = {
  ...options,
  entryPoints: { cli: 'src/cli/main.ts' },
  external: [],
  plugins: [],
  // tinyglobby's ESM build (via fdir) calls createRequire(import.meta.url), which a CJS bundle
  // lacks: give it this file's own URL.
  banner: { js: "#!/usr/bin/env node\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleUrl' },
};

if (watch) {
  for (const buildOptions of [options, cliOptions]) {
    const context = await esbuild.context(buildOptions);
    await context.watch();
  }
  console.log('esbuild: watching src/ …');
} else {
  await Promise.all([esbuild.build(options), esbuild.build(cliOptions)]);
}
