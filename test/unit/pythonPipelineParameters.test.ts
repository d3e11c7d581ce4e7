import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { analyzePython, applyPythonFix } from './pythonTestKit';

const GPU_IMAGE = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312';
const IMPORTS = 'from sagemaker.estimator import Estimator\nfrom sagemaker.workflow.parameters import ParameterInteger, ParameterString\n\n';
const TYPO_MESSAGE = '"ml.m5.xlarg" is not a valid instance_type (ResourceConfig.InstanceType): the nearest ML instance types are "ml.m5.xlarge", "ml.m4.xlarge", "ml.m5.large".';

/** A script binding `parameter` (a Pipelines parameter's source) to `training_instance_type`, passed as an estimator's instance_type. */
const pipeline = (parameter: string, imports = IMPORTS) =>
  `${imports}training_instance_type = ${parameter}\nest = Estimator(image_uri="${GPU_IMAGE.replace('gpu', 'cpu')}", role="r", instance_count=1, instance_type=training_instance_type)\n`;

const source = (text: string, finding: Finding) => text.slice(finding.offset, finding.offset + finding.length);
const shown = (text: string) => analyzePython(text).map((finding) => [finding.code, source(text, finding), finding.message]);

describe('SDK Pipelines parameters passed as SDK arguments: judged through their default_value', () => {
  it('reports a misspelt default on the default, saying it is the parameter\'s, and fixes it there (trial 6, 9-11)', () => {
    const text = pipeline('ParameterString(name="TrainingInstanceType", default_value="ml.m5.xlarg")');
    const findings = analyzePython(text);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.code, 'invalid-enum-value');
    assert.equal(finding.offset, text.indexOf('"ml.m5.xlarg"') + 1);
    assert.equal(source(text, finding), 'ml.m5.xlarg');
    assert.equal(finding.message, `${TYPO_MESSAGE} (Reported on the default_value of pipeline parameter "TrainingInstanceType".)`);
    assert.equal(applyPythonFix(text, finding), text.replace('default_value="ml.m5.xlarg"', 'default_value="ml.m5.xlarge"'));
    // The same default passed by position, and the parameter written in place.
    assert.deepEqual(shown(pipeline('ParameterString("TrainingInstanceType", "ml.m5.xlarg")')), [['invalid-enum-value', 'ml.m5.xlarg', finding.message]]);
    const inPlace = `${IMPORTS}est = Estimator(image_uri="${GPU_IMAGE}", role="r", instance_count=1, instance_type=ParameterString(name="T", default_value="ml.m5.xlarg"))\n`;
    assert.deepEqual(shown(inPlace), [['invalid-enum-value', 'ml.m5.xlarg', `${TYPO_MESSAGE} (Reported on the default_value of pipeline parameter "T".)`]]);
    const unnamed = pipeline('ParameterString(name=pick(), default_value="ml.m5.xlarg")');
    assert.deepEqual(shown(unnamed), [['invalid-enum-value', 'ml.m5.xlarg', `${TYPO_MESSAGE} (Reported on the default_value of a pipeline parameter.)`]]);
  });

  it('judges each enum_values item too, and a parameter whose class is reached through its module', () => {
    const text = pipeline('ParameterString(name="TrainingInstanceType", default_value="ml.m5.xlarge", enum_values=["ml.m5.xlarge", "ml.m5.xlarg"])');
    assert.deepEqual(shown(text), [['invalid-enum-value', 'ml.m5.xlarg', `${TYPO_MESSAGE} (Reported on an enum_values item of pipeline parameter "TrainingInstanceType".)`]]);
    const viaModule = pipeline('parameters.ParameterString(name="T", default_value="ml.m5.xlarg")', 'from sagemaker.estimator import Estimator\nfrom sagemaker.workflow import parameters\n');
    assert.deepEqual(analyzePython(viaModule).map((finding) => finding.code), ['invalid-enum-value']);
    const aliased = pipeline('wp.ParameterString(name="T", default_value="ml.m5.xlarg")', 'from sagemaker.estimator import Estimator\nimport sagemaker.workflow.parameters as wp\n');
    assert.deepEqual(analyzePython(aliased).map((finding) => finding.code), ['invalid-enum-value']);
  });

  it('judges an integer parameter\'s default and the image\'s processor against the default instance type', () => {
    const count = `${IMPORTS}n = ParameterInteger(name="InstanceCount", default_value=0)\nest = Estimator(image_uri="${GPU_IMAGE}", role="r", instance_count=n, instance_type=ParameterString(name="T", default_value="ml.m5.xlarge"))\n`;
    assert.deepEqual(
      analyzePython(count).map((finding) => [finding.code, source(count, finding)]),
      [
        ['value-out-of-range', '0'],
        ['image-processor-mismatch', 'ml.m5.xlarge'],
      ],
    );
    const processor = analyzePython(count).find((finding) => finding.code === 'image-processor-mismatch')!;
    assert.equal(processor.message, 'ml.m5.xlarge has no GPU, but the image is built for GPUs; use a GPU instance type (ml.g*, ml.p*) or the image\'s CPU variant. (Reported on the default_value of pipeline parameter "T".)');
  });

  it('judges nothing where the default is unknown, absent, local, or the class is not the SDK\'s', () => {
    for (const parameter of [
      'ParameterString(name="T")',
      'ParameterString(name="T", default_value=None)',
      'ParameterString(name="T", default_value=default_type())',
      'ParameterString(name="T", default_value="local")',
    ]) {
      assert.deepEqual(shown(pipeline(parameter)), [], parameter);
    }
    const own = pipeline('ParameterString(name="T", default_value="ml.m5.xlarg")', 'from sagemaker.estimator import Estimator\nfrom mylib import ParameterString\n');
    assert.deepEqual(shown(own), []);
    const twice = pipeline('ParameterString(name="T", default_value="ml.m5.xlarg")').replace('est = ', 'training_instance_type = other\nest = ');
    assert.deepEqual(shown(twice), []);
  });
});
