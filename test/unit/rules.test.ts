import * as assert from 'node:assert/strict';
import { unambiguousFix } from '../../src/core/fixAll';
import { applyEdits } from '../../src/core/findings';
import { analyzeSpec } from '../../src/core/analyze';
import { parseSpecDocument } from '../../src/core/specDocument';
import {
  analyzeOptions, analyzeText, applyFix, catalog, codes, KMEANS_US_EAST_1, modelSpec, only, textAt, trainingSpec, XGBOOST_US_EAST_1, render } from './specTestKit';

const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:registry-credentials';
const VPC = { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0123456789abcdef0'] };
const DIGEST = `sha256:${'b'.repeat(64)}`;
/** A China role: a China image's request runs in the aws-cn partition (an aws role would be image-region-mismatch). */
const CHINA_ROLE = { RoleArn: 'arn:aws-cn:iam::123456789012:role/SageMakerRole' };

describe('image rules', () => {
  it('reports nothing for a pinned built-in image in its region', () => {
    assert.deepEqual(analyzeText(trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`), { region: 'us-east-1' }), []);
    assert.deepEqual(analyzeText(trainingSpec(`${KMEANS_US_EAST_1}:1`)), []);
  });

  describe('invalid-image-reference', () => {
    it('points at the offending part and says what is wrong', () => {
      const text = trainingSpec('registry.example.com/Team/trainer:1');
      const finding = only(analyzeText(text), 'invalid-image-reference');
      assert.equal(textAt(text, finding), 'Team');
      assert.match(finding.message, /lowercase/);
      assert.equal(finding.severity, 'error');
    });

    it('covers the empty string without its quotes and suppresses every other image finding', () => {
      const text = trainingSpec('');
      const findings = analyzeText(text);
      assert.deepEqual(codes(findings), ['invalid-image-reference']);
      assert.equal(findings[0].length, 0);
      assert.equal(text[findings[0].offset - 1], '"');
    });
  });

  describe('latest-tag', () => {
    it('flags :latest on the tag with fixes from the catalog', () => {
      const text = trainingSpec(`${KMEANS_US_EAST_1}:latest`);
      const finding = only(analyzeText(text), 'latest-tag');
      assert.equal(textAt(text, finding), 'latest');
      assert.equal(finding.severity, 'warning');
      assert.equal(applyFix(text, finding), trainingSpec(`${KMEANS_US_EAST_1}:1`));
      assert.deepEqual(analyzeText(applyFix(text, finding)), []);
    });

    it('flags a reference with neither tag nor digest on the whole reference', () => {
      const text = modelSpec('registry.example.com/team/server', { ImageConfig: { RepositoryAccessMode: 'Vpc' } }, { VpcConfig: VPC });
      const finding = only(analyzeText(text), 'latest-tag');
      assert.equal(textAt(text, finding), 'registry.example.com/team/server');
      assert.deepEqual(finding.fixes, []);
    });

    it('accepts a digest', () => {
      const text = modelSpec(`registry.example.com/team/server@${DIGEST}`, { ImageConfig: { RepositoryAccessMode: 'Vpc' } }, { VpcConfig: VPC });
      assert.deepEqual(analyzeText(text), []);
    });

    it('is a hint without fixes for a SageMaker repository published without version tags (Model Monitor, Debugger rules)', () => {
      for (const repository of ['sagemaker-model-monitor-analyzer', 'sagemaker-debugger-rules']) {
        const account = catalog.accountsForRepository(repository, 'us-east-1')[0];
        for (const image of [`${account}.dkr.ecr.us-east-1.amazonaws.com/${repository}`, `${account}.dkr.ecr.us-east-1.amazonaws.com/${repository}:latest`]) {
          const finding = only(analyzeText(modelSpec(image)), 'latest-tag');
          assert.equal(finding.severity, 'hint', image);
          assert.equal(finding.message, `"${repository}" is published without version tags, so "latest" (or no tag) is how it is referenced; only a digest (@sha256:…) pins one image.`);
          assert.deepEqual(finding.fixes, []);
        }
      }
      // A repository with version tags keeps the warning, with its tags as fixes.
      assert.equal(only(analyzeText(trainingSpec(`${KMEANS_US_EAST_1}:latest`)), 'latest-tag').severity, 'warning');
    });
  });

  describe('xgboost-unpinned', () => {
    for (const image of [`${XGBOOST_US_EAST_1}:1`, `${XGBOOST_US_EAST_1}:latest`, '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1', '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost']) {
      it(`flags ${image.split('/')[1]} instead of latest-tag`, () => {
        const text = trainingSpec(image);
        const findings = analyzeText(text);
        assert.deepEqual(codes(findings), ['xgboost-unpinned']);
        const expectedRange = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : image;
        assert.equal(textAt(text, findings[0]), expectedRange);
        assert.equal(findings[0].severity, 'error');
      });
    }

    it('offers one fix per pinned version, newest preferred, rewriting the whole reference', () => {
      const text = trainingSpec('811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1');
      const finding = only(analyzeText(text), 'xgboost-unpinned');
      const titles = finding.fixes.map((fix) => fix.title);
      assert.ok(titles.includes('Pin XGBoost 1.7-1'));
      // The title names the tag where it is more than the version (the edit writes it).
      assert.ok(titles.includes('Pin XGBoost 0.90-1 (tag 0.90-1-cpu-py3)'));
      assert.equal(finding.fixes.filter((fix) => fix.preferred).length, 1);
      assert.equal(finding.fixes[0].preferred, true);
      assert.equal(applyFix(text, finding, 'Pin XGBoost 1.7-1'), trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`));
      assert.equal(applyFix(text, finding, 'Pin XGBoost 0.90-1 (tag 0.90-1-cpu-py3)'), trainingSpec(`${XGBOOST_US_EAST_1}:0.90-1-cpu-py3`));
      assert.deepEqual(analyzeText(applyFix(text, finding)), []);
    });

    it('rewrites the account too, for the target region', () => {
      const text = trainingSpec('246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:latest');
      const finding = only(analyzeText(text, { region: 'us-east-1' }), 'xgboost-unpinned');
      assert.equal(applyFix(text, finding, 'Pin XGBoost 1.7-1'), trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`));
    });
  });

  describe('registry-account-mismatch', () => {
    it("flags an AWS account that serves the repository elsewhere, fixing the account only", () => {
      const text = trainingSpec('246618743249.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
      const findings = analyzeText(text);
      assert.deepEqual(codes(findings), ['registry-account-mismatch']);
      assert.equal(textAt(text, findings[0]), '246618743249');
      assert.match(findings[0].message, /683313688378/);
      assert.equal(applyFix(text, findings[0]), trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`));
    });

    it("never flags a user's own account", () => {
      assert.deepEqual(analyzeText(trainingSpec('123456789012.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1')), []);
    });
  });

  describe('unknown-region', () => {
    it('flags an unknown region and suggests the nearest', () => {
      const text = trainingSpec('382416733822.dkr.ecr.us-east-9.amazonaws.com/kmeans:1');
      const finding = only(analyzeText(text), 'unknown-region');
      assert.equal(textAt(text, finding), 'us-east-9');
      assert.ok(finding.fixes.some((fix) => fix.title === 'Change the region to us-east-1'));
      assert.equal(applyFix(text, finding, 'Change the region to us-east-1'), trainingSpec(`${KMEANS_US_EAST_1}:1`));
      // us-east-9 is as near to us-east-1 as to us-east-2: no correction named, none preferred.
      assert.equal(finding.message, '"us-east-9" is not a region with SageMaker registries.');
      assert.equal(finding.fixes.some((fix) => fix.preferred), false);
    });

    it('names the clear nearest region in the message, as its preferred fix writes it', () => {
      const text = trainingSpec('141502667606.dkr.ecr.eu-wset-1.amazonaws.com/sagemaker-xgboost:1.7-1');
      const finding = only(analyzeText(text), 'unknown-region');
      assert.equal(finding.message, '"eu-wset-1" is not a region with SageMaker registries. Did you mean eu-west-1?');
      assert.deepEqual(finding.fixes.filter((fix) => fix.preferred).map((fix) => fix.title), ['Change the region to eu-west-1']);
    });

    it('fixes a misspelt China region together with its DNS suffix', () => {
      const text = trainingSpec('450853457545.dkr.ecr.cn-north-2.amazonaws.com/sagemaker-xgboost:1.7-1', CHINA_ROLE);
      const finding = only(analyzeText(text), 'unknown-region');
      const fixed = applyFix(text, finding, 'Change the region to cn-north-1');
      assert.equal(fixed, trainingSpec('450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1', CHINA_ROLE));
      assert.deepEqual(analyzeText(fixed), []);
    });

    it('flags the wrong DNS suffix for a China region and fixes it', () => {
      const text = trainingSpec('450853457545.dkr.ecr.cn-north-1.amazonaws.com/sagemaker-xgboost:1.7-1', CHINA_ROLE);
      const findings = analyzeText(text);
      assert.deepEqual(codes(findings), ['unknown-region']);
      assert.equal(textAt(text, findings[0]), 'amazonaws.com');
      assert.deepEqual(analyzeText(applyFix(text, findings[0])), []);
    });
  });

  describe('image-region-mismatch', () => {
    it('is reported only against an explicit region, with the same image from the target region', () => {
      const text = trainingSpec('174872318107.dkr.ecr.us-west-2.amazonaws.com/kmeans:1');
      assert.deepEqual(analyzeText(text), []);
      const finding = only(analyzeText(text, { region: 'us-east-1' }), 'image-region-mismatch');
      assert.equal(textAt(text, finding), 'us-west-2');
      assert.equal(applyFix(text, finding), trainingSpec(`${KMEANS_US_EAST_1}:1`));
      assert.deepEqual(analyzeText(applyFix(text, finding), { region: 'us-east-1' }), []);
    });

    it('says when the target region (from AWS_REGION) is one the catalog does not know', () => {
      const text = trainingSpec('174872318107.dkr.ecr.us-west-2.amazonaws.com/kmeans:1');
      const findings = analyzeSpec(parseSpecDocument(text), { ...analyzeOptions(), regionInputs: { env: { AWS_REGION: 'us-east-7' } } }).findings;
      const finding = only(findings, 'image-region-mismatch');
      assert.equal(
        finding.message,
        'The image is in us-west-2, but the target region is us-east-7 (from AWS_REGION), which the catalog does not know (a typo, or a region newer than the catalog); SageMaker pulls images from its own region.',
      );
      assert.deepEqual(finding.fixes, []);
    });

    it("flags a user's own image in another region without a fix", () => {
      const text = trainingSpec('123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/trainer:3');
      const finding = only(analyzeText(text, { region: 'us-east-1' }), 'image-region-mismatch');
      assert.deepEqual(finding.fixes, []);
    });

    it('reports only the most basic problem of the family: an image to move to the target region before its account there', () => {
      // The account is wrong for us-west-2 too, but the image must move to us-east-1, whose fix names the account there.
      const text = trainingSpec('246618743249.dkr.ecr.us-west-2.amazonaws.com/kmeans:9');
      const finding = only(analyzeText(text, { region: 'us-east-1' }), 'image-region-mismatch');
      assert.deepEqual(codes(analyzeText(text, { region: 'us-east-1' })), ['image-region-mismatch']);
      assert.equal(textAt(text, finding), 'us-west-2');
      assert.equal(applyFix(text, finding), trainingSpec('382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:9'));
      assert.deepEqual(codes(analyzeText(text)), ['registry-account-mismatch'], 'without a target region, the account is the problem');
    });
  });

  describe('unknown-image-tag', () => {
    it('flags a tag the catalog does not list, suggesting the closest', () => {
      const text = trainingSpec(`${XGBOOST_US_EAST_1}:1.7-2`);
      const finding = only(analyzeText(text), 'unknown-image-tag');
      assert.equal(textAt(text, finding), '1.7-2');
      assert.equal(applyFix(text, finding, 'Use tag 1.7-1'), trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`));
    });

    it('checks only the leading framework version of Deep Learning Container tags', () => {
      const pytorch = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training';
      const onGpus = { ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 } };
      assert.deepEqual(analyzeText(trainingSpec(`${pytorch}:2.8.0-gpu-py312-cu129-ubuntu22.04-sagemaker`, onGpus)), []);
      const text = trainingSpec(`${pytorch}:2.7.9-gpu-py312`);
      assert.equal(textAt(text, only(analyzeText(text), 'unknown-image-tag')), '2.7.9-gpu-py312');
    });

    const suggestionsFor = (image: string): string[] => {
      const text = trainingSpec(image);
      return only(analyzeText(text), 'unknown-image-tag').fixes.map((fix) => fix.title.replace(/^Use tag /, ''));
    };

    it('keeps the user\'s version: tags extending what was typed first (0.90-1 → 0.90-1-cpu-py3, not 3.0-5)', () => {
      const text = trainingSpec(`${XGBOOST_US_EAST_1}:0.90-1`);
      const finding = only(analyzeText(text), 'unknown-image-tag');
      assert.equal(finding.fixes[0].title, 'Use tag 0.90-1-cpu-py3');
      assert.equal(applyFix(text, finding), trainingSpec(`${XGBOOST_US_EAST_1}:0.90-1-cpu-py3`));
    });

    it('ranks suggestions the same way in every catalog repository: extension, same version, nearest version', () => {
      const host = (account: string, region = 'us-east-1') => `${account}.dkr.ecr.${region}.amazonaws.com`;
      // Scikit-learn: what was typed is the start of a known tag.
      assert.equal(suggestionsFor(`${host('683313688378')}/sagemaker-scikit-learn:1.2-1-cpu`)[0], '1.2-1-cpu-py3');
      // XGBoost: the same version with another suffix comes before any other version.
      assert.deepEqual(suggestionsFor(`${XGBOOST_US_EAST_1}:1.7-1-gpu-py3`).slice(0, 1), ['1.7-1']);
      // XGBoost: no such build: the nearest build of the same version.
      assert.equal(suggestionsFor(`${XGBOOST_US_EAST_1}:1.7-2`)[0], '1.7-1');
      // PyTorch: 2.6.7 does not exist (and is older than the newest the catalog knows); 2.6.0 with the same suffix is nearest.
      assert.equal(suggestionsFor(`${host('763104351884')}/pytorch-training:2.6.7-gpu-py312`)[0], '2.6.0-gpu-py312');
      // Spark: 3.4 does not exist; the neighbours 3.5 and 3.3 with the same suffix, newer first.
      const spark = suggestionsFor(`${host('173754725891')}/sagemaker-spark-processing:3.4-cpu-py39`);
      assert.equal(spark[0], '3.5-cpu-py39');
      assert.ok(spark.includes('3.3-cpu-py39') || spark[1].startsWith('3.5-'), spark.join(', '));
      // Triton: 25.10 is nearest to 25.09, same suffix.
      assert.equal(suggestionsFor(`${host('763104351884')}/sagemaker-tritonserver:25.10-py3`)[0], '25.09-py3');
      // K-Means: the only version.
      assert.deepEqual(suggestionsFor(`${host('382416733822')}/kmeans:2`), ['1']);
    });

    it('accepts the documented short forms of Spark processing tags, in a processing job', () => {
      const processing = (tag: string) =>
        JSON.stringify(
          {
            ProcessingJobName: 'spark-job',
            RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
            AppSpecification: { ImageUri: `906073651304.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-spark-processing:${tag}` },
            ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 } },
          },
          null,
          2,
        );
      for (const tag of ['3.0-cpu', '3.1-cpu', '3.1-cpu-py39-v1.2', '3.5-cpu-py312']) assert.deepEqual(codes(analyzeText(processing(tag))), [], tag);
      assert.deepEqual(codes(analyzeText(processing('3.1-cpu-py39-beta'))), ['unknown-image-tag']);
    });
  });

  describe('image-scope-mismatch', () => {
    it('judges a repository whose images share one scope whatever the tag: Spark processing in a training job', () => {
      for (const tag of ['3.1-cpu', '3.1-cpu-py39-v1.2', '9.9-cpu']) {
        const text = trainingSpec(`906073651304.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-spark-processing:${tag}`);
        const finding = only(analyzeText(text), 'image-scope-mismatch');
        assert.equal(textAt(text, finding), 'sagemaker-spark-processing');
        assert.match(finding.message, /built for processing, not for a training job/);
      }
    });

    it('lets an image with no scope in the SDK config serve any job (sagemaker-base-python)', () => {
      const image = '936697816551.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-base-python-310:1.0';
      assert.ok(!codes(analyzeText(trainingSpec(image))).includes('image-scope-mismatch'));
      assert.ok(!codes(analyzeText(modelSpec(image))).includes('image-scope-mismatch'));
    });

    it('lets the Vowpal Wabbit RL container serve a model (AWS deploys it), as it trains', () => {
      const image = '462105765813.dkr.ecr.us-west-2.amazonaws.com/sagemaker-rl-vw-container:vw-8.7.0-cpu';
      assert.ok(!codes(analyzeText(modelSpec(image))).includes('image-scope-mismatch'));
      assert.ok(!codes(analyzeText(trainingSpec(image))).includes('image-scope-mismatch'));
      // Other training-only images still do not serve models.
      assert.ok(codes(analyzeText(modelSpec('763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.6.0-gpu-py312'))).includes('image-scope-mismatch'));
    });

    it('flags the Graviton-only scikit-learn tag in a training job', () => {
      const text = trainingSpec('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.0-1-arm64-cpu-py3');
      assert.match(only(analyzeText(text), 'image-scope-mismatch').message, /inference_graviton/);
    });

    it('flags an inference image in a training job and offers the training image', () => {
      const text = trainingSpec('763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-gpu-py312');
      const finding = only(analyzeText(text), 'image-scope-mismatch');
      assert.equal(textAt(text, finding), 'pytorch-inference');
      const fixed = applyFix(text, finding);
      assert.match(fixed, /pytorch-training:2\.6\.0-gpu-py312"/);
      // The GPU image on ml.m5.xlarge is still the processor rule's to report, before and after.
      assert.deepEqual(codes(analyzeText(text)).sort(), ['image-processor-mismatch', 'image-scope-mismatch']);
      assert.deepEqual(codes(analyzeText(fixed)), ['image-processor-mismatch']);
    });

    it('keeps the processor and Python version of the tag, and leaves the swap to the user (fix-all does not apply it)', () => {
      const gpu = modelSpec('763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312-cu126-ubuntu22.04-sagemaker');
      const finding = only(analyzeText(gpu), 'image-scope-mismatch');
      assert.deepEqual(finding.fixes.map((fix) => fix.title), ['Use pytorch-inference:2.6.0-gpu-py312']);
      assert.equal(finding.fixes[0].changesBehaviour, true);
      assert.equal(unambiguousFix(finding), undefined);
      const cpu = modelSpec('763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-cpu-py312');
      assert.deepEqual(only(analyzeText(cpu), 'image-scope-mismatch').fixes.map((fix) => fix.title), ['Use pytorch-inference:2.6.0-cpu-py312']);
    });
  });
});

describe('private registry rules', () => {
  const PRIVATE = 'registry.example.com/team/trainer:2.1';

  it('private-registry-needs-vpc-access on AlgorithmSpecification when TrainingImageConfig is missing', () => {
    const text = trainingSpec(PRIVATE, { VpcConfig: VPC });
    const finding = only(analyzeText(text), 'private-registry-needs-vpc-access');
    assert.equal(textAt(text, finding), 'AlgorithmSpecification');
    const fixed = applyFix(text, finding);
    assert.deepEqual(JSON.parse(fixed).AlgorithmSpecification.TrainingImageConfig, { TrainingRepositoryAccessMode: 'Vpc' });
    assert.deepEqual(codes(analyzeText(fixed)), ['digest-recommended']);
  });

  it('points at the value when the access mode is Platform, and merges into the existing object', () => {
    const text = trainingSpec(PRIVATE, { VpcConfig: VPC }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Platform', TrainingRepositoryAuthConfig: { TrainingRepositoryCredentialsProviderArn: LAMBDA_ARN } } });
    const finding = only(analyzeText(text), 'private-registry-needs-vpc-access');
    assert.equal(textAt(text, finding), 'Platform');
    const fixed = applyFix(text, finding);
    assert.equal(fixed, text.replace('"Platform"', '"Vpc"'));
  });

  it('for models, on PrimaryContainer when ImageConfig is missing', () => {
    const text = modelSpec('registry.example.com/team/server:3', {}, { VpcConfig: VPC });
    const finding = only(analyzeText(text), 'private-registry-needs-vpc-access');
    assert.equal(textAt(text, finding), 'PrimaryContainer');
    assert.deepEqual(JSON.parse(applyFix(text, finding)).PrimaryContainer.ImageConfig, { RepositoryAccessMode: 'Vpc' });
  });

  it('private-registry-unsupported in processing and tuning jobs, on the host', () => {
    const processing = JSON.stringify({ ProcessingJobName: 'p', AppSpecification: { ImageUri: PRIVATE } }, null, 2);
    const finding = only(analyzeText(processing), 'private-registry-unsupported');
    assert.equal(textAt(processing, finding), 'registry.example.com');
    assert.deepEqual(finding.fixes, []);
    const tuning = JSON.stringify({ HyperParameterTuningJobName: 't', TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'registry.example.com/python:3.11' } } });
    assert.equal(textAt(tuning, only(analyzeText(tuning), 'private-registry-unsupported')), 'registry.example.com');
  });

  describe('Amazon ECR Public images (fresh-user trial: called "outside Amazon ECR")', () => {
    const PUBLIC = 'public.ecr.aws/myalias/trainer:1.0';

    it('training jobs and models: private-registry-needs-vpc-access on the host, saying ECR Public and the way to a private repository', () => {
      const text = trainingSpec(PUBLIC, { VpcConfig: VPC });
      const finding = only(analyzeText(text), 'private-registry-needs-vpc-access');
      assert.equal(textAt(text, finding), 'public.ecr.aws');
      assert.doesNotMatch(finding.message, /outside Amazon ECR/);
      assert.match(finding.message, /Amazon ECR Public/);
      assert.match(finding.message, /private ECR repositor/);
      assert.match(finding.message, /pull through cache/);
      // Vpc stays on offer, but copying into a private repository is the likely way.
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Set TrainingRepositoryAccessMode to "Vpc"', false]]);
      assert.deepEqual(JSON.parse(applyFix(text, finding, 'Set TrainingRepositoryAccessMode to "Vpc"')).AlgorithmSpecification.TrainingImageConfig, { TrainingRepositoryAccessMode: 'Vpc' });
      const model = modelSpec('public.ecr.aws/myalias/server:3', {}, { VpcConfig: VPC });
      const onModel = only(analyzeText(model), 'private-registry-needs-vpc-access');
      assert.equal(textAt(model, onModel), 'public.ecr.aws');
      assert.match(onModel.message, /ImageConfig\.RepositoryAccessMode/);
    });

    it('processing and tuning jobs: private-registry-unsupported on the host, without a fix', () => {
      const processing = JSON.stringify({ ProcessingJobName: 'p', AppSpecification: { ImageUri: PUBLIC } }, null, 2);
      const finding = only(analyzeText(processing), 'private-registry-unsupported');
      assert.equal(textAt(processing, finding), 'public.ecr.aws');
      assert.match(finding.message, /^The image is on Amazon ECR Public \(public\.ecr\.aws\); processing jobs pull only from private ECR repositories/);
      assert.deepEqual(finding.fixes, []);
      const tuning = JSON.stringify({ HyperParameterTuningJobName: 't', TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: PUBLIC } } });
      assert.match(only(analyzeText(tuning), 'private-registry-unsupported').message, /hyperparameter tuning jobs pull only from private ECR/);
    });

    it('is silent under Vpc access, as for any registry', () => {
      const text = trainingSpec(PUBLIC, { VpcConfig: VPC }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } });
      assert.ok(!codes(analyzeText(text)).some((code) => code.startsWith('private-registry')));
    });
  });

  describe('docker-hub-image', () => {
    it('names the Docker Hub image a reference without a host means, in training jobs and models', () => {
      for (const [image, full] of [['my-trainer:opt', 'docker.io/library/my-trainer:opt'], ['pytorch/pytorch:2.3.0', 'docker.io/pytorch/pytorch:2.3.0']]) {
        const text = trainingSpec(image, { VpcConfig: VPC });
        const finding = only(analyzeText(text), 'docker-hub-image');
        assert.equal(finding.severity, 'error');
        assert.equal(textAt(text, finding), image);
        assert.equal(
          finding.message,
          `The image names no registry, so it is Docker Hub's ${full}; SageMaker pulls images from Amazon ECR, or from a private registry it reaches through your VPC: push it to an ECR repository in the job's region.`,
        );
        assert.ok(!codes(analyzeText(text)).some((code) => code.startsWith('private-registry')), image);
        // The Vpc fix stays on offer (a mirror inside the VPC), but is not the preferred one.
        assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Set TrainingRepositoryAccessMode to "Vpc"', false]]);
      }
      const model = modelSpec('docker.io/library/nginx:1.27', {}, { VpcConfig: VPC });
      const onHost = only(analyzeText(model), 'docker-hub-image');
      assert.equal(textAt(model, onHost), 'docker.io');
      assert.match(onHost.message, /^The image is on Docker Hub \(docker\.io\/library\/nginx:1\.27\)/);
    });

    it('replaces private-registry-unsupported in processing and tuning jobs, without a fix', () => {
      const processing = JSON.stringify({ ProcessingJobName: 'p', AppSpecification: { ImageUri: 'python:3.11' } }, null, 2);
      const finding = only(analyzeText(processing), 'docker-hub-image');
      assert.equal(textAt(processing, finding), 'python:3.11');
      assert.match(finding.message, /Processing jobs pull images from Amazon ECR only/);
      assert.deepEqual(finding.fixes, []);
      const tuning = JSON.stringify({ HyperParameterTuningJobName: 't', TrainingJobDefinition: { AlgorithmSpecification: { TrainingImage: 'team/trainer@sha256:' + 'a'.repeat(64) } } });
      assert.match(only(analyzeText(tuning), 'docker-hub-image').message, /docker\.io\/team\/trainer@sha256:a{20}/);
    });

    it('is silent under Vpc access, where private-registry-needs-vpc-access would be too', () => {
      const text = trainingSpec('my-trainer:opt', { VpcConfig: VPC }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } });
      assert.ok(!codes(analyzeText(text)).includes('docker-hub-image'));
    });
  });

  describe('missing-vpc-config', () => {
    const vpcMode = { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } };

    it('on the Vpc value when VpcConfig is missing; the fix adds both lists and places the cursor', () => {
      const text = trainingSpec(`${PRIVATE}@${DIGEST}`, {}, vpcMode);
      const finding = only(analyzeText(text), 'missing-vpc-config');
      assert.equal(textAt(text, finding), 'Vpc');
      const fix = render(text, finding.fixes[0]);
      const fixed = applyEdits(text, fix.edits);
      assert.deepEqual(JSON.parse(fixed).VpcConfig, { SecurityGroupIds: ['sg-'], Subnets: ['subnet-'] });
      assert.equal(fixed.slice(fix.cursorOffset! - 4, fix.cursorOffset! + 1), '"sg-"');
      // Only the placeholders are left to complete.
      assert.deepEqual(analyzeText(fixed).map((found) => `${found.code} ${textAt(fixed, found)}`), ['invalid-resource-id sg-', 'invalid-resource-id subnet-']);
    });

    it('on the VpcConfig key when a list is missing, on the list key when it is empty', () => {
      const missing = trainingSpec(`${PRIVATE}@${DIGEST}`, { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'] } }, vpcMode);
      const finding = only(analyzeText(missing), 'missing-vpc-config');
      assert.equal(textAt(missing, finding), 'VpcConfig');
      assert.deepEqual(JSON.parse(applyFix(missing, finding)).VpcConfig, { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-'] });

      const empty = trainingSpec(`${PRIVATE}@${DIGEST}`, { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: [] } }, vpcMode);
      const emptyFinding = only(analyzeText(empty), 'missing-vpc-config');
      assert.equal(textAt(empty, emptyFinding), 'Subnets');
      const fixedEmpty = applyFix(empty, emptyFinding);
      assert.deepEqual(JSON.parse(fixedEmpty).VpcConfig, { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-'] });
      assert.deepEqual(analyzeText(fixedEmpty).map((found) => `${found.code} ${textAt(fixedEmpty, found)}`), ['invalid-resource-id subnet-']);
    });

    it('applies to models in Vpc mode too', () => {
      const text = modelSpec(`registry.example.com/server@${DIGEST}`, { ImageConfig: { RepositoryAccessMode: 'Vpc' } });
      assert.deepEqual(codes(analyzeText(text)), ['missing-vpc-config']);
    });
  });

  describe('credentials provider', () => {
    it('invalid-credentials-provider-arn on a value that is not a Lambda function ARN', () => {
      const roleArn = 'arn:aws:iam::123456789012:role/RegistryReader';
      const text = trainingSpec(`${PRIVATE}@${DIGEST}`, { VpcConfig: VPC }, {
        TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc', TrainingRepositoryAuthConfig: { TrainingRepositoryCredentialsProviderArn: roleArn } },
      });
      const finding = only(analyzeText(text), 'invalid-credentials-provider-arn');
      assert.equal(textAt(text, finding), roleArn);
    });

    it('accepts Lambda ARNs with qualifiers and in other partitions', () => {
      for (const arn of [LAMBDA_ARN, `${LAMBDA_ARN}:$LATEST`, 'arn:aws-cn:lambda:cn-north-1:123456789012:function:creds:prod']) {
        const text = modelSpec(`registry.example.com/server@${DIGEST}`, { ImageConfig: { RepositoryAccessMode: 'Vpc', RepositoryAuthConfig: { RepositoryCredentialsProviderArn: arn } } }, { VpcConfig: VPC });
        assert.deepEqual(analyzeText(text), [], arn);
      }
    });

    it('credentials-provider-without-vpc-access when the mode is not Vpc', () => {
      const text = trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`, {}, {
        TrainingImageConfig: { TrainingRepositoryAccessMode: 'Platform', TrainingRepositoryAuthConfig: { TrainingRepositoryCredentialsProviderArn: LAMBDA_ARN } },
      });
      const finding = only(analyzeText(text), 'credentials-provider-without-vpc-access');
      assert.equal(textAt(text, finding), 'TrainingRepositoryAuthConfig');
      assert.equal(finding.severity, 'warning');
      const fixed = applyFix(text, finding);
      assert.equal(fixed, text.replace('"Platform"', '"Vpc"'));
      // Vpc access now needs a VpcConfig: the next finding tells the user, one cause at a time.
      assert.deepEqual(codes(analyzeText(fixed)), ['missing-vpc-config']);
    });
  });

  it('digest-recommended (hint) on the tag of a private image', () => {
    const text = trainingSpec(PRIVATE, { VpcConfig: VPC }, { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } });
    const finding = only(analyzeText(text), 'digest-recommended');
    assert.equal(textAt(text, finding), '2.1');
    assert.equal(finding.severity, 'hint');
  });
});

describe('rule settings and spec kinds', () => {
  it('changes severities and turns codes off', () => {
    const text = trainingSpec(`${KMEANS_US_EAST_1}:latest`);
    assert.equal(only(analyzeText(text, { rules: { 'latest-tag': 'error' } }), 'latest-tag').severity, 'error');
    assert.deepEqual(analyzeText(text, { rules: { 'latest-tag': 'off' } }), []);
  });

  it('unknown-spec-kind only for files forced to be specs', () => {
    const text = '{\n  "Name": "x"\n}';
    assert.deepEqual(analyzeText(text), []);
    const finding = only(analyzeText(text, { forced: true }), 'unknown-spec-kind');
    assert.equal(finding.severity, 'information');
    assert.equal(textAt(text, finding), '{');
    assert.match(finding.message, /CreateTrainingJob: "AlgorithmSpecification"/);
  });

  it('maps ranges through JSON escapes', () => {
    const text = trainingSpec(`${KMEANS_US_EAST_1}:latest`).replace('amazonaws.com/kmeans', 'amazonaws.com\\/kmeans');
    const finding = only(analyzeText(text), 'latest-tag');
    assert.equal(textAt(text, finding), 'latest');
    assert.equal(JSON.parse(applyFix(text, finding)).AlgorithmSpecification.TrainingImage, `${KMEANS_US_EAST_1}:1`);
  });
});

describe('invalid-json', () => {
  it('reports where a spec stops being JSON', () => {
    const text = trainingSpec(`${KMEANS_US_EAST_1}:1`).replace('"TrainingInputMode": "File"', '"TrainingInputMode": "File" "Extra": 1');
    const finding = only(analyzeText(text), 'invalid-json');
    assert.equal(finding.severity, 'error');
    assert.equal(textAt(text, finding), '"Extra"');
    assert.match(finding.message, /a comma is expected/);
  });

  it('reports a text cut short once where its open objects all end', () => {
    const text = '{\n  "TrainingJobName": "x",\n  "AlgorithmSpecification": {\n    "TrainingInputMode": "File"';
    const findings = analyzeText(text).filter((finding) => finding.code === 'invalid-json');
    assert.deepEqual(findings.map((finding) => [finding.offset, finding.message]), [[text.length, 'The spec is not valid JSON here: a closing brace "}" is expected. SageMaker cannot read the request until it is fixed.']]);
  });

  it('reports a broken file matching sagemakerSpec.files even when its kind cannot be told', () => {
    const text = '{"TrainingJobName" "x"';
    const findings = analyzeText(text, { forced: true });
    assert.ok(findings.some((finding) => finding.code === 'invalid-json'));
  });

  it('leaves broken JSON that is not a spec alone, and accepts JSONC comments', () => {
    assert.deepEqual(analyzeText('{"name": "x" "version": 1}'), []);
    assert.deepEqual(codes(analyzeText(`// a comment\n${trainingSpec(`${KMEANS_US_EAST_1}:1`).replace('{', '{ /* inline */')}`)), []);
  });
});
