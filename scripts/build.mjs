// Bundles the extension with esbuild. `--production` minifies, `--watch` rebuilds on change.
// The AWS SDK lives in its own bundle (dist/aws.js), required by the extension on the first
// command that needs it, so activation never loads it.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: { extension: 'src/extension.ts', aws: 'src/aws/index.ts' },
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
