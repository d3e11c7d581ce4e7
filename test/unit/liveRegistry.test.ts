import * as assert from 'node:assert/strict';
import { analyzeSpec } from '../../src/core/analyze';
import { completeAt, liveCompletionTarget } from '../../src/core/completion';
import { applyEdits } from '../../src/core/findings';
import { parseImageReference, type ImageReference } from '../../src/core/imageReference';
import { LiveRegistryCache } from '../../src/core/registry/liveRegistryCache';
import { pinToDigestIntent } from '../../src/core/registry/pinToDigest';
import { RegistryError } from '../../src/core/registry/registryTypes';
import { imageOccurrence } from '../../src/core/rules/imageOccurrence';
import { parseSpecDocument } from '../../src/core/specDocument';
import { applyFix, catalog, only, render, textAt, trainingSpec } from './specTestKit';

const HOST = 'registry.example.com:5000';
const DIGEST = `sha256:${'d'.repeat(64)}`;

function cacheWith(clock = { now: 0 }): LiveRegistryCache {
  const cache = new LiveRegistryCache(60_000, 5_000, () => clock.now);
  cache.setRepositories(HOST, ['team/server', 'team/trainer']);
  cache.setTags(HOST, 'team/trainer', [
    { tag: '2.1', pushedAt: new Date(Date.UTC(2026, 10, 20)), sizeBytes: 412_000_000 },
    { tag: '2.0' },
    { tag: '1.9' },
  ]);
  return cache;
}

function complete(textWithCursor: string, live = cacheWith()) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completeAt(parseSpecDocument(text), offset, { catalog, regionInputs: { env: {} }, live });
}

describe('live registries (core)', () => {
  it('asks a live registry only for hosts that are not SageMaker registries', () => {
    assert.deepEqual(liveCompletionTarget(`${HOST}/team/tr`, catalog), { host: HOST, partial: 'team/tr' });
    assert.deepEqual(liveCompletionTarget(`${HOST}/team/trainer:2`, catalog), { host: HOST, repository: 'team/trainer', partial: '2' });
    assert.deepEqual(liveCompletionTarget('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:', catalog), {
      host: '123456789012.dkr.ecr.us-east-1.amazonaws.com', repository: 'app', partial: '',
    });
    assert.equal(liveCompletionTarget('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:', catalog), undefined, "SageMaker's own registry");
    assert.equal(liveCompletionTarget('library/python:3', catalog), undefined, 'Docker Hub namespace');
    assert.equal(liveCompletionTarget('xgb', catalog), undefined);
  });

  it('completes repositories and then tags from the cache, newest first with push date and size', () => {
    const repositories = complete(`{"TrainingJobName": "j", "AlgorithmSpecification": {"TrainingImage": "${HOST}/team/|"}}`)!;
    assert.deepEqual(repositories.items.map((item) => item.label), ['team/server', 'team/trainer']);
    assert.equal(repositories.items[1].edit.newText, `${HOST}/team/trainer:`);
    const tags = complete(`{"TrainingJobName": "j", "AlgorithmSpecification": {"TrainingImage": "${HOST}/team/trainer:|"}}`)!;
    assert.deepEqual(tags.items.map((item) => item.label), ['2.1', '2.0', '1.9']);
    assert.equal(tags.items[0].labelDetails?.description, 'pushed 2026-11-20 · 412 MB');
    assert.equal(tags.items[0].detail, `${HOST}/team/trainer:2.1`);
    assert.equal(tags.items[0].edit.newText, `${HOST}/team/trainer:2.1`);
    assert.equal(tags.isIncomplete, true, 'asked again as answers arrive');
  });

  it('offers only names a registry may have: a tag or repository name holding a quote, a colon or a line break is dropped, never written into the file (found by a fresh user: a hostile registry added a RoleArn)', () => {
    const cache = cacheWith();
    cache.setRepositories(HOST, ['team/trainer', 'evil","x', 'Team/Upper', 'team//double', 'ok/repo']);
    cache.setTags(HOST, 'team/trainer', [{ tag: '2.0","RoleArn":"arn:aws:iam::999999999999:role/Evil' }, { tag: '3.0\n  x: y' }, { tag: '.hidden' }, { tag: '1.0' }, { tag: '1.1_rc-2' }]);
    const text = `{"TrainingJobName": "j", "AlgorithmSpecification": {"TrainingImage": "${HOST}/team/trainer:|"}}`;
    const tags = complete(text, cache)!;
    assert.deepEqual(tags.items.map((item) => item.label), ['1.0', '1.1_rc-2']);
    const accepted = applyEdits(text.replace('|', ''), [tags.items[0].edit]);
    assert.deepEqual(Object.keys(JSON.parse(accepted)), ['TrainingJobName', 'AlgorithmSpecification']);
    const repositories = complete(`{"TrainingJobName": "j", "AlgorithmSpecification": {"TrainingImage": "${HOST}/|"}}`, cache)!;
    assert.deepEqual(repositories.items.map((item) => item.label), ['team/trainer', 'ok/repo']);
  });

  it('answers with nothing, not an error, before the registry has answered', () => {
    const result = complete(`{"TrainingJobName": "j", "AlgorithmSpecification": {"TrainingImage": "other.example.com/app:|"}}`)!;
    assert.deepEqual(result.items, []);
  });

  it('tag-not-found when the registry has answered without that tag, with the closest tags as fixes', () => {
    const vpc = { VpcConfig: { SecurityGroupIds: ['sg-0123456789abcdef0'], Subnets: ['subnet-0123456789abcdef0'] } };
    const access = { TrainingImageConfig: { TrainingRepositoryAccessMode: 'Vpc' } };
    const text = trainingSpec(`${HOST}/team/trainer:2.2`, vpc, access);
    const findings = analyzeSpec(parseSpecDocument(text), { catalog, regionInputs: { env: {} }, live: cacheWith() }).findings;
    const finding = only(findings, 'tag-not-found');
    assert.equal(textAt(text, finding), '2.2');
    assert.equal(finding.severity, 'warning');
    assert.equal(applyFix(text, finding), trainingSpec(`${HOST}/team/trainer:2.1`, vpc, access));
    const known = trainingSpec(`${HOST}/team/trainer:2.0`, vpc, access);
    assert.ok(!analyzeSpec(parseSpecDocument(known), { catalog, regionInputs: { env: {} }, live: cacheWith() }).findings.some((f) => f.code === 'tag-not-found'));
    const unasked = trainingSpec(`${HOST}/team/other:9`, vpc, access);
    assert.ok(!analyzeSpec(parseSpecDocument(unasked), { catalog, regionInputs: { env: {} }, live: cacheWith() }).findings.some((f) => f.code === 'tag-not-found'), 'not asked yet: silent');
  });

  it('rewrites a reference to repository@digest', () => {
    const text = trainingSpec(`${HOST}/team/trainer:2.1`);
    const spec = parseSpecDocument(text);
    const field = spec.images[0];
    const reference = (parseImageReference(String(field.value.value)) as { reference: ImageReference }).reference;
    const fix = { title: 'Pin to digest', intents: [pinToDigestIntent(imageOccurrence(text, field, reference), DIGEST)] };
    assert.equal(applyEdits(text, render(text, fix).edits), trainingSpec(`${HOST}/team/trainer@${DIGEST}`));
  });

  it('serves stale answers, refetches after the time limit, and backs off after failures', () => {
    const clock = { now: 0 };
    const cache = cacheWith(clock);
    assert.equal(cache.tagsNeedFetch(HOST, 'team/trainer'), false);
    clock.now = 61_000;
    assert.equal(cache.tagsNeedFetch(HOST, 'team/trainer'), true);
    assert.equal(cache.tags(HOST, 'team/trainer')?.length, 3, 'stale answers are still served');
    cache.setTagsError(HOST, 'team/trainer', new RegistryError('server', '500'));
    assert.equal(cache.tagsNeedFetch(HOST, 'team/trainer'), false, 'no retry on every keystroke');
    assert.equal(cache.tags(HOST, 'team/trainer')?.length, 3, 'the previous answer survives a failure');
    clock.now = 67_000;
    assert.equal(cache.tagsNeedFetch(HOST, 'team/trainer'), true);
    cache.forgetHost(HOST);
    assert.equal(cache.repositories(HOST), undefined);
  });
});
