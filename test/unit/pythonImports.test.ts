import * as assert from 'node:assert/strict';
import { importBindings, importedPath } from '../../src/core/hosts/python/pythonImports';
import { parsePython, type SyntaxNode } from '../../src/core/hosts/python/pythonSyntax';

/** The import statements of `text`, wherever they stand. */
function imports(text: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  parsePython(text).iterate({ enter: (node) => void (node.name === 'ImportStatement' && found.push(node.node)) });
  return found;
}

describe('what Python import statements bind', () => {
  it('reads from-imports with and without aliases, and import statements as Python binds them', () => {
    const text = [
      'from sagemaker.tuner import HyperparameterTuner, IntegerParameter as IP',
      'import sagemaker.tuner',
      'import sagemaker.image_uris as uris',
      'def f():',
      '    from sagemaker import KMeans',
    ].join('\n');
    assert.deepEqual(importBindings(text, imports(text)), [
      { from: 'sagemaker.tuner', imported: 'HyperparameterTuner', bound: 'HyperparameterTuner' },
      { from: 'sagemaker.tuner', imported: 'IntegerParameter', bound: 'IP' },
      { module: 'sagemaker.tuner', bound: 'sagemaker', aliased: false },
      { module: 'sagemaker.image_uris', bound: 'uris', aliased: true },
      { from: 'sagemaker', imported: 'KMeans', bound: 'KMeans' },
    ]);
  });

  it('reads each clause of `import a, b.c as d`, and the path each bound name stands for', () => {
    const text = 'import os, sagemaker.image_uris as iu, boto3.session\nfrom sagemaker import image_uris as uris\nfrom .local import helper\n';
    const bindings = importBindings(text, imports(text));
    assert.deepEqual(bindings, [
      { module: 'os', bound: 'os', aliased: false },
      { module: 'sagemaker.image_uris', bound: 'iu', aliased: true },
      { module: 'boto3.session', bound: 'boto3', aliased: false },
      { from: 'sagemaker', imported: 'image_uris', bound: 'uris' },
      { from: '.local', imported: 'helper', bound: 'helper' },
    ]);
    assert.deepEqual(bindings.map(importedPath), ['os', 'sagemaker.image_uris', 'boto3', 'sagemaker.image_uris', '.local.helper']);
  });

  it('gives what it can of half-typed statements, and never throws', () => {
    for (const text of ['from sagemaker import', 'import', 'from . import x', 'import a as', 'import a,', 'import a, as b', 'from sagemaker.tuner import (IntegerParameter,\n']) {
      assert.doesNotThrow(() => importBindings(text, imports(text)), text);
    }
    assert.deepEqual(importBindings('import a as', imports('import a as')), [{ module: 'a', bound: 'a', aliased: false }]);
  });
});
