import * as assert from 'node:assert/strict';
import { errorNodeCount, parsePython } from '../../src/core/hosts/python/pythonSyntax';
import { analyzePython } from './pythonTestKit';

const XGB = 'from sagemaker.xgboost import XGBoostModel\n\n';
const MODEL = 'XGBoostModel(model_data="s3://b/m.tar.gz", framework_version="1.7-1", role="r", entry_point="inference.py")';
const NEAREST = 'the nearest ML instance types are "ml.c5.xlarge", "ml.m5.xlarge", "ml.c4.xlarge".';

/** code, offset and message of each invalid-enum-value finding. */
function enums(text: string): [string, number, string][] {
  return analyzePython(text).filter((finding) => finding.code === 'invalid-enum-value').map((finding) => [finding.code, finding.offset, finding.message]);
}

/** The offsets of every `ml.c5.xlargeq` literal's value (inside its quotes). */
function literals(text: string): number[] {
  return [...text.matchAll(/"ml\.c5\.xlargeq"/g)].map((match) => match.index + 1);
}

const invalid = (offset: number): [string, number, string] => ['invalid-enum-value', offset, `"ml.c5.xlargeq" is not a valid instance_type (ProductionVariants[0].InstanceType): ${NEAREST}`];

describe('Python `with` targets that are not a plain name', () => {
  for (const [form, target] of [
    ['a parenthesised tuple', '(bucket, kms_key)'],
    ['a list', '[bucket, *rest]'],
    ['an attribute', 'self.bucket'],
    ['a subscript', 'buckets[0]'],
  ]) {
    it(`${form} (\`as ${target}\`) leaves later functions their own locals: two same-named models are each judged`, () => {
      // lezer's grammar takes only `as name`; its recovery lost the indentation of the rest of the file.
      const text = `${XGB}def one(session):\n    with open_bucket(session) as ${target}:\n        pass\n\n\ndef two():\n    m = ${MODEL}\n    m.deploy(1, "ml.c5.xlargeq")\n\n\ndef three():\n    m = ${MODEL}\n    m.deploy(1, "ml.c5.xlargeq")\n`;
      assert.deepEqual(enums(text), literals(text).map(invalid));
    });
  }

  it('at module level, in the second item, and in `async with`, the tree has no error nodes', () => {
    for (const text of [
      'with f() as (a, b):\n    pass\n',
      'with f() as a, g() as (b, c):\n    pass\n',
      'async def h():\n    async with f() as (a, b), g() as [c, d]:\n        pass\n',
      'with f() as (a, (b, c)), g() as d.e:\n    pass\n',
    ]) assert.equal(errorNodeCount(text), 0, text);
  });

  it('the statement keeps its body, and the source still reads `as` at the same offsets', () => {
    const text = 'def one():\n    with f() as (a, b):\n        x = 1\n    y = 2\n';
    const tree = parsePython(text);
    const body = tree.topNode.getChild('FunctionDefinition')?.getChild('Body');
    assert.deepEqual(body?.getChildren('WithStatement').length, 1);
    assert.equal(body?.getChildren('AssignStatement').length, 1, '`y = 2` is in the function');
  });

  it('binds the tuple\'s names: a name bound before and as a `with` target is bound twice, so not read', () => {
    const bound = `${XGB}kind = "ml.c5.xlargeq"\nwith f() as (kind, other):\n    pass\nm = ${MODEL}\nm.deploy(1, kind)\n`;
    assert.deepEqual(enums(bound), []);
    const alone = `${XGB}kind = "ml.c5.xlargeq"\nwith f() as (other, more):\n    pass\nm = ${MODEL}\nm.deploy(1, kind)\n`;
    assert.deepEqual(enums(alone), [invalid(alone.indexOf('ml.c5.xlargeq'))]);
  });

  it('an attribute target changes its object: `with f() as cfg.kind` leaves cfg unread', () => {
    const text = `${XGB}cfg = {"kind": "ml.c5.xlargeq"}\nwith f() as cfg["kind"]:\n    pass\nm = ${MODEL}\nm.deploy(1, cfg["kind"])\n`;
    assert.deepEqual(enums(text), []);
  });

  it('for targets and `except E as e` bind as before, and a real `in` comparison binds nothing', () => {
    const forTuple = `${XGB}kind = "ml.c5.xlargeq"\nfor (kind, other) in pairs:\n    pass\nm = ${MODEL}\nm.deploy(1, kind)\n`;
    assert.deepEqual(enums(forTuple), []);
    const except = `${XGB}kind = "ml.c5.xlargeq"\ntry:\n    pass\nexcept (KeyError, ValueError) as kind:\n    pass\nm = ${MODEL}\nm.deploy(1, kind)\n`;
    assert.deepEqual(enums(except), []);
    const comparison = `${XGB}kind = "ml.c5.xlargeq"\nwith lock(kind in kinds):\n    pass\nm = ${MODEL}\nm.deploy(1, kind)\n`;
    assert.deepEqual(enums(comparison), [invalid(comparison.indexOf('ml.c5.xlargeq'))]);
  });
});
