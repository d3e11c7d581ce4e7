// Times the extension's own activation outside VS Code: dist/extension.js is loaded with a stand-in
// for the `vscode` module (every API call answers with a disposable no-op), so the figure is the
// cost of our code — module load plus activate() — without VS Code's own overhead. It also
// reports whether activation loaded the AWS SDK bundle (it must not).
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * A recursive stand-in: any property is callable and constructible, and returns another stand-in.
 * `topLevel` lists the names the bundle reads from `vscode`: esbuild copies a module's own keys
 * when it imports it as a namespace, so the stand-in must report them.
 */
function standIn(name = 'vscode', topLevel = []) {
  const target = function () {};
  return new Proxy(target, {
    ownKeys: () => [...new Set([...Reflect.ownKeys(target), ...topLevel])],
    getOwnPropertyDescriptor: (_target, property) =>
      topLevel.includes(property)
        ? { configurable: true, enumerable: true, get: () => standIn(`${name}.${String(property)}`) }
        : Reflect.getOwnPropertyDescriptor(target, property),
    get(_target, property) {
      if (property === 'then') return undefined; // not a promise
      if (property === Symbol.toPrimitive) return () => name;
      if (property === 'dispose') return () => {};
      if (property === 'extensionMode') return 1; // Production
      if (property === 'textDocuments' || property === 'visibleTextEditors') return [];
      if (property === 'activeTextEditor') return undefined;
      if (property === 'extensionPath') return process.cwd();
      if (property === 'subscriptions') return [];
      return standIn(`${name}.${String(property)}`);
    },
    set: () => true,
    apply: () => standIn(`${name}()`),
    construct: () => standIn(`new ${name}`),
  });
}

/** Loads `bundle` with the stand-in and runs activate(); returns the times in milliseconds. */
export async function measureActivation(bundle) {
  const source = fs.readFileSync(bundle, 'utf8');
  const names = [...new Set([...source.matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g)].map((match) => match[1]))];
  const originalLoad = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return standIn('vscode', names);
    return originalLoad.call(this, request, ...rest);
  };
  try {
    const started = performance.now();
    const require = Module.createRequire(path.resolve(bundle));
    const extension = require(path.resolve(bundle));
    const loaded = performance.now();
    const context = { subscriptions: [], extensionPath: process.cwd(), extensionMode: 1 };
    await extension.activate(context);
    const activated = performance.now();
    const awsLoaded = Object.keys(require.cache).some((file) => file.endsWith(`${path.sep}aws.js`));
    return { loadMs: loaded - started, activateMs: activated - loaded, totalMs: activated - started, awsLoaded };
  } finally {
    Module._load = originalLoad;
  }
}
