/**
 * A call is the SageMaker Python SDK's only when the file's own bindings allow it: a `retrieve`,
 * `get_image_uri`, estimator or model class the file defines, receives, assigns or imports from
 * another package is its own (pythonCalleeOrigin.ts), while the SDK's names keep working
 * imported under any name, by their full path, or in a snippet that binds them nowhere.
 */
import * as assert from 'node:assert/strict';
import { calleeOrigin } from '../../src/core/hosts/python/pythonCalleeOrigin';
import { PythonScopes } from '../../src/core/hosts/python/pythonScopes';
import { calleeName, parsePython, type SyntaxNode } from '../../src/core/hosts/python/pythonSyntax';
import { analyzePython } from './pythonTestKit';
import { catalog, textAt } from './specTestKit';

const NEWEST_TRAINING = catalog.pinnedVersions('xgboost', 'us-east-1', 'training')[0].version;

/** [code, source text] of every finding. */
const summary = (text: string, algorithms = false) => analyzePython(text, { algorithms }).map((finding) => [finding.code, textAt(text, finding)]);

/** A call the SDK reads as XGBoost's legacy image: `xgboost-unpinned` on "latest" when it is the SDK's. */
const RETRIEVE_LATEST = 'retrieve("xgboost", "us-east-1", "latest")';

/** The origin of the last call of `text` whose callee source is `callee`. */
function originOf(text: string, callee: string) {
  const tree = parsePython(text);
  const scopes = new PythonScopes(text, tree);
  let found: SyntaxNode | undefined;
  tree.iterate({ enter: (node) => void (node.name === 'CallExpression' && text.slice(node.from, node.node.firstChild!.to) === callee && (found = node.node)) });
  return calleeOrigin(text, scopes, calleeName(text, found!)!);
}

describe('Python: a callee the file binds itself is not the SDK’s', () => {
  describe('what a callee stands for', () => {
    it('an import gives its path, the rest of the callee appended; any other binding of the first name makes it the file’s own', () => {
      assert.deepEqual(originOf('from sagemaker import image_uris as iu\niu.retrieve("x")\n', 'iu.retrieve'), { kind: 'imported', paths: ['sagemaker.image_uris.retrieve'] });
      assert.deepEqual(originOf('import os, sagemaker.image_uris\nsagemaker.image_uris.retrieve("x")\n', 'sagemaker.image_uris.retrieve'), { kind: 'imported', paths: ['sagemaker.image_uris.retrieve'] });
      assert.deepEqual(originOf('import a.b as c, sagemaker as sm\nsm.image_uris.retrieve("x")\n', 'sm.image_uris.retrieve'), { kind: 'imported', paths: ['sagemaker.image_uris.retrieve'] });
      assert.deepEqual(originOf('from sagemaker.image_uris import retrieve\ndef retrieve(*a):\n    pass\nretrieve("x")\n', 'retrieve'), { kind: 'own' });
      assert.deepEqual(originOf('image_uris = MyThing()\nimage_uris.retrieve("x")\n', 'image_uris.retrieve'), { kind: 'own' });
      assert.deepEqual(originOf('image_uris.retrieve("x")\n', 'image_uris.retrieve'), { kind: 'unbound', written: 'image_uris.retrieve' });
    });

    it('reads the scope the call is in: a parameter or local shadows the module’s import only inside its function', () => {
      const text = 'import sagemaker\ndef build(sagemaker):\n    sagemaker.image_uris.retrieve("x")\nsagemaker.image_uris.retrieve("y")\n';
      const tree = parsePython(text);
      const scopes = new PythonScopes(text, tree);
      const calls: SyntaxNode[] = [];
      tree.iterate({ enter: (node) => void (node.name === 'CallExpression' && calls.push(node.node)) });
      assert.deepEqual(calls.map((call) => calleeOrigin(text, scopes, calleeName(text, call)!)), [{ kind: 'own' }, { kind: 'imported', paths: ['sagemaker.image_uris.retrieve'] }]);
    });

    it('a comprehension is a scope of its own: its target shadows the import inside it only (Python 3)', () => {
      const text = `from sagemaker.image_uris import retrieve\nfns = []\nimages = [${RETRIEVE_LATEST} for retrieve in fns]\nreal = {region: retrieve("xgboost", region, "latest") for region, _ in pairs}\nlazy = (f(x) for x, retrieve in pairs)\nafter = ${RETRIEVE_LATEST}\n`;
      const lines = text.split('\n');
      const reported = analyzePython(text).map((finding) => [finding.code, lines[text.slice(0, finding.offset).split('\n').length - 1].split(' =')[0]]);
      assert.deepEqual(reported, [['xgboost-unpinned', 'real'], ['xgboost-unpinned', 'after']]);
    });

    it('a fallback to None is no binding of its own: `except ImportError: retrieve = None` leaves the import', () => {
      const text = 'try:\n    from sagemaker.image_uris import retrieve\nexcept ImportError:\n    retrieve = None\nretrieve("x")\n';
      assert.deepEqual(originOf(text, 'retrieve'), { kind: 'imported', paths: ['sagemaker.image_uris.retrieve'] });
    });
  });

  describe('image_uris.retrieve and get_image_uri', () => {
    it('a def of the file’s own, even after the SDK’s import, is the file’s function', () => {
      assert.deepEqual(summary(`from sagemaker.image_uris import retrieve\n\ndef retrieve(framework, region, version=None):\n    return f"my-registry/{framework}:{version}"\n\nimg = ${RETRIEVE_LATEST}\n`), []);
      assert.deepEqual(summary('from sagemaker.amazon.amazon_estimator import get_image_uri\n\ndef get_image_uri(region, name):\n    return "x"\n\nimage = get_image_uri("us-east-1", "xgboost")\n'), []);
    });

    it('a name imported from another package is not the SDK’s, whatever its module is called', () => {
      for (const imports of ['from mylib.images import retrieve', 'from mylib.image_uris import retrieve', 'from .image_uris import retrieve', 'from mylib import image_uris as iu\nretrieve = iu.retrieve']) {
        assert.deepEqual(summary(`import sagemaker\n${imports}\nimg = ${RETRIEVE_LATEST}\n`), [], imports);
      }
      assert.deepEqual(summary('import sagemaker\nfrom mylib.amazon_estimator import get_image_uri\nimage = get_image_uri("us-east-1", "xgboost")\n'), []);
      assert.deepEqual(summary('import sagemaker\nimport mylib.image_uris as image_uris\nimg = image_uris.retrieve("xgboost", "us-east-1", "latest")\n'), []);
    });

    it('a module name the file assigns or receives is the file’s object: image_uris = MyThing(), a parameter, self', () => {
      assert.deepEqual(summary('import sagemaker\nimage_uris = MyThing()\nimg = image_uris.retrieve("xgboost", "us-east-1", "latest")\n'), []);
      assert.deepEqual(summary('import sagemaker\namazon_estimator = load()\nimg = amazon_estimator.get_image_uri("us-east-1", "xgboost")\n'), []);
      assert.deepEqual(summary('import sagemaker\ndef build(image_uris, amazon_estimator):\n    a = image_uris.retrieve("xgboost", "us-east-1", "latest")\n    b = amazon_estimator.get_image_uri("us-east-1", "xgboost")\n'), []);
      assert.deepEqual(summary('import sagemaker\nclass Images:\n    def uri(self):\n        return self.image_uris.retrieve("xgboost", "us-east-1", "latest")\n'), []);
    });

    it('a function’s own def shadows the SDK’s retrieve only there: the module’s call is still judged, on its version', () => {
      const text = `from sagemaker.image_uris import retrieve\n\ndef helper():\n    def retrieve(*args):\n        return "x"\n    return ${RETRIEVE_LATEST}\n\nimage = ${RETRIEVE_LATEST}\n`;
      const findings = analyzePython(text);
      assert.deepEqual(findings.map((finding) => finding.code), ['xgboost-unpinned']);
      assert.equal(findings[0].offset, text.lastIndexOf('latest'));
      assert.equal(findings[0].length, 'latest'.length);
      assert.equal(
        findings[0].message,
        `"latest" does not pin an XGBoost version: "1" and "latest" run the legacy image (XGBoost 0.72), not a version you chose. Pin a specific version such as ${NEWEST_TRAINING} (training).`,
      );
    });

    it('keeps the SDK’s names: the full path, module aliases, several clauses of one import, a None fallback, a snippet without imports', () => {
      for (const source of [
        `import sagemaker\nsagemaker.image_uris.${RETRIEVE_LATEST}`,
        `import boto3, sagemaker\nsagemaker.image_uris.${RETRIEVE_LATEST}`,
        `import json, sagemaker.image_uris as iu\niu.${RETRIEVE_LATEST}`,
        `import sagemaker as sm\nsm.image_uris.${RETRIEVE_LATEST}`,
        `from sagemaker import image_uris as iu\niu.${RETRIEVE_LATEST}`,
        `try:\n    from sagemaker.image_uris import retrieve\nexcept ImportError:\n    retrieve = None\n${RETRIEVE_LATEST}`,
        `try:\n    from sagemaker.image_uris import retrieve\nexcept ImportError:\n    from sagemaker.core.image_uris import retrieve\n${RETRIEVE_LATEST}`,
        `# sagemaker\nsagemaker.image_uris.${RETRIEVE_LATEST}`,
      ]) {
        assert.deepEqual(summary(source), [['xgboost-unpinned', 'latest']], source);
      }
    });
  });

  describe('estimator, model and processor classes', () => {
    const XGBOOST_CALL = 'est = XGBoost(entry_point="t.py", framework_version="0.72-9", instance_type="ml.m5.xlarge")\n';

    it('a class of the file’s own, or one imported from another package, is not the SDK’s', () => {
      assert.deepEqual(summary(`import sagemaker\nclass XGBoost:\n    def __init__(self, **kwargs):\n        pass\n\n${XGBOOST_CALL}`), []);
      assert.deepEqual(summary(`import sagemaker\nfrom mylib.models import XGBoost\n${XGBOOST_CALL}`), []);
      assert.deepEqual(summary(`import sagemaker\nimport xgboost as xgb\nest = xgb.XGBoost(entry_point="t.py", framework_version="0.72-9")\n`), []);
      // Another SDK class under this name is that class, not the one the name says.
      assert.deepEqual(summary(`from sagemaker.pytorch import PyTorchModel as XGBoost\n${XGBOOST_CALL}`), []);
    });

    it('the SDK’s class, imported or bound nowhere in the file, is still judged', () => {
      for (const imports of ['from sagemaker.xgboost import XGBoost', 'from sagemaker.xgboost.estimator import XGBoost', 'import sagemaker']) {
        const text = `${imports}\n${XGBOOST_CALL}`;
        const findings = analyzePython(text);
        assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['unknown-framework-version', '0.72-9']], imports);
        assert.match(findings[0].message, /^XGBoost has no version "0\.72-9" for training\. Nearest: /);
      }
    });

    it('a model of the file’s own class has no SDK deploy: its instance type is not judged', () => {
      const deploy = 'm = Model(image_uri="x", model_data="s3://b/m.tar.gz", role="r")\nm.deploy(initial_instance_count=1, instance_type="ml.m5.xlargeq")\n';
      assert.deepEqual(summary(`import sagemaker\nclass Model:\n    def deploy(self, **kwargs):\n        pass\n\n${deploy}`), []);
      assert.deepEqual(summary(`from sagemaker.model import Model\n${deploy}`).filter(([code]) => code === 'invalid-enum-value'), [['invalid-enum-value', 'ml.m5.xlargeq']]);
    });

    it('an Amazon estimator imported from sagemaker and then defined by the file is the file’s', () => {
      const call = 'km = KMeans(role="r", instance_count=1, instance_type="ml.m5.xlarge")\n';
      assert.deepEqual(summary(`from sagemaker import KMeans\n${call}`, true), [['algorithm-missing-hyperparameter', 'KMeans']]);
      assert.deepEqual(summary(`from sagemaker import KMeans\nclass KMeans:\n    pass\n${call}`, true), []);
      // `import os, sagemaker` binds both modules: was read as one module named `os,sagemaker`.
      assert.deepEqual(summary(`import os, sagemaker\n${call.replace('KMeans(', 'sagemaker.KMeans(')}`, true), [['algorithm-missing-hyperparameter', 'KMeans']]);
    });
  });

  it('an SDK class imported under another name is that class: PyTorch as PT is judged as PyTorch, a model so named is deployed as one', () => {
    const call = 'est = PT(entry_point="train.py", role="arn:aws:iam::123456789012:role/R", framework_version="9.9", py_version="py3", instance_type="ml.m5.xlarg", instance_count=1)\n';
    const aliased = `from sagemaker.pytorch import PyTorch as PT\n\n${call}`;
    assert.deepEqual(summary(aliased), [['unknown-framework-version', '9.9'], ['invalid-enum-value', 'ml.m5.xlarg']]);
    const model = 'from sagemaker.xgboost import XGBoostModel as XM\nm = XM(model_data="s3://b/m.tar.gz", role="r", framework_version="1.7-1")\nm.deploy(initial_instance_count=1, instance_type="ml.m5.larg")\n';
    assert.deepEqual(summary(model).map(([code]) => code), ['invalid-enum-value']);
    // Imported from another package, or two SDK classes under one name, or a method of an object: none is read.
    for (const text of [`from mylib import PyTorch as PT\n${call}`, `try:\n    from sagemaker.pytorch import PyTorch as PT\nexcept ImportError:\n    from sagemaker.tensorflow import TensorFlow as PT\n${call}`, call.replace('PT(', 'self.PT(')]) {
      assert.deepEqual(summary(text), [], text);
    }
  });
});
