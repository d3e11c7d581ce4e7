import * as assert from 'node:assert/strict';
import { analyzePython } from './pythonTestKit';

const ROLE = 'arn:aws:iam::111122223333:role/R';
const XGBOOST_EU = '141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const PYTORCH_EU = '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.6.0-cpu-py312';
const IMPORTS = 'from sagemaker.estimator import Estimator\nfrom sagemaker.model import Model\nfrom sagemaker.local import LocalSession\n\n';

/** code, covered text and message of each finding, with us-east-1 as the explicit target region. */
function shownInUsEast1(text: string): [string, string, string][] {
  return analyzePython(text, { region: 'us-east-1' }).map((finding) => [finding.code, text.slice(finding.offset, finding.offset + finding.length), finding.message]);
}

const REGION_MISMATCH = 'The image is in eu-west-1, but the target region is us-east-1 (from sagemakerSpec.region); SageMaker pulls images from its own region.';

describe('SDK local mode: no comparison with SageMaker\'s target region', () => {
  it('reports an image from another region on a SageMaker instance type (the control)', () => {
    const text = `${IMPORTS}est = Estimator(image_uri="${XGBOOST_EU}", role="${ROLE}", instance_count=1, instance_type="ml.m5.xlarge")\n`;
    const [finding] = analyzePython(text, { region: 'us-east-1' });
    assert.deepEqual(shownInUsEast1(text), [['image-region-mismatch', 'eu-west-1', REGION_MISMATCH]]);
    assert.equal(finding.offset, text.indexOf('eu-west-1'));
  });

  for (const [label, argument] of [
    ['instance_type="local"', 'instance_type="local"'],
    ['instance_type="local_gpu"', "instance_type='local_gpu'"],
    ['a LocalSession() in place', 'instance_type="ml.m5.xlarge", sagemaker_session=LocalSession()'],
  ]) {
    it(`says nothing of the region of an estimator with ${label} (trial 6, p8)`, () => {
      const text = `${IMPORTS}est = Estimator(image_uri="${XGBOOST_EU}", role="${ROLE}", instance_count=1, ${argument})\n`;
      assert.deepEqual(shownInUsEast1(text), []);
    });
  }

  it('says nothing of an image built on this machine (`docker build -t …`): no Docker Hub or latest-tag finding in local mode', () => {
    const local = [
      `est = Estimator("sagemaker-prophet-local", "${ROLE}", instance_count=1, instance_type="local")`,
      `model = Model(image_uri="my-server", role="${ROLE}", sagemaker_session=LocalSession())\nmodel.deploy(initial_instance_count=1, instance_type="local")`,
      `from sagemaker.processing import ScriptProcessor\nScriptProcessor(command=["python3"], image_uri="dask-local", role="${ROLE}", instance_count=1, instance_type="local")`,
    ];
    for (const call of local) assert.deepEqual(shownInUsEast1(`${IMPORTS}${call}\n`), [], call);
    // The same image on a SageMaker instance type is pulled by SageMaker, which cannot reach Docker Hub.
    const remote = `${IMPORTS}est = Estimator("sagemaker-prophet-local", "${ROLE}", instance_count=1, instance_type="ml.m5.xlarge")\n`;
    assert.deepEqual(shownInUsEast1(remote).map(([code]) => code).sort(), ['docker-hub-image', 'latest-tag']);
  });

  it('follows a session name bound once to LocalSession()', () => {
    const text = `${IMPORTS}session = LocalSession()\nest = Estimator("${XGBOOST_EU}", "${ROLE}", 1, "ml.m5.xlarge", sagemaker_session=session)\n`;
    assert.deepEqual(shownInUsEast1(text), []);
  });

  it('says nothing of a model deployed only locally, in place or through its name', () => {
    const bound = `${IMPORTS}m = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\nm.deploy(initial_instance_count=1, instance_type="local")\n`;
    assert.deepEqual(shownInUsEast1(bound), []);
    const inPlace = `${IMPORTS}Model("${PYTORCH_EU}", "s3://b/m.tar.gz", "${ROLE}").deploy(1, "local_gpu")\n`;
    assert.deepEqual(shownInUsEast1(inPlace), []);
  });

  it('still reports a model that is also deployed to SageMaker', () => {
    const both = `${IMPORTS}m = Model(image_uri="${PYTORCH_EU}", role="${ROLE}")\nm.deploy(initial_instance_count=1, instance_type="local")\nm.deploy(initial_instance_count=1, instance_type="ml.m5.xlarge")\n`;
    assert.deepEqual(shownInUsEast1(both), [['image-region-mismatch', 'eu-west-1', REGION_MISMATCH]]);
  });

  it('keeps registry-account-mismatch: the image\'s own region has no such registry, wherever it is pulled', () => {
    const text = `${IMPORTS}est = Estimator(image_uri="683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1", role="${ROLE}", instance_count=1, instance_type="local")\n`;
    assert.deepEqual(shownInUsEast1(text), [
      ['registry-account-mismatch', '683313688378', 'In eu-west-1, SageMaker serves "sagemaker-xgboost" from account 141502667606, not 683313688378.'],
    ]);
  });

  it('says nothing of a local estimator\'s f-string image region either', () => {
    const text = `${IMPORTS}v = "1.7-1"\nest = Estimator(image_uri=f"141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:{v}", role="${ROLE}", instance_count=1, instance_type="local")\n`;
    assert.deepEqual(shownInUsEast1(text), []);
    const remote = text.replace('instance_type="local"', 'instance_type="ml.m5.xlarge"');
    assert.deepEqual(shownInUsEast1(remote).map(([code]) => code), ['image-region-mismatch']);
  });
});
