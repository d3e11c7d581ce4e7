import * as assert from 'node:assert/strict';
import { hoverAt } from '../../src/core/hover';
import { parseSpecDocument } from '../../src/core/specDocument';
import { catalog, KMEANS_US_EAST_1, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';

function hover(text: string, near: string) {
  return hoverAt(parseSpecDocument(text), text.indexOf(near) + 1, catalog);
}

describe('hover', () => {
  it('describes a SageMaker image: registry, account, region, catalog facts and pinning', () => {
    const text = trainingSpec(`${XGBOOST_US_EAST_1}:1.7-1`);
    const result = hover(text, 'sagemaker-xgboost')!;
    assert.match(result.markdown, /SageMaker registry/);
    assert.match(result.markdown, /\| Account \| `683313688378` \|/);
    assert.match(result.markdown, /\| Region \| `us-east-1` \|/);
    assert.match(result.markdown, /\| Catalog \| `XGBoost 1\.7-1 · inference, training/);
    assert.match(result.markdown, /Pinned by tag `1\.7-1`/);
    assert.equal(text.slice(result.range.offset, result.range.offset + result.range.length), `${XGBOOST_US_EAST_1}:1.7-1`);
  });

  it('says when an image is not pinned, and names private registries', () => {
    assert.match(hover(trainingSpec(`${KMEANS_US_EAST_1}:latest`), 'kmeans')!.markdown, /Not pinned/);
    const text = trainingSpec(`registry.example.com:5000/team/trainer@sha256:${'c'.repeat(64)}`);
    const markdown = hover(text, 'team')!.markdown;
    assert.match(markdown, /Private registry image/);
    assert.match(markdown, /Pinned by digest/);
  });

  it('is silent outside image values', () => {
    const text = trainingSpec(`${KMEANS_US_EAST_1}:1`);
    assert.equal(hover(text, 'demo-job'), undefined);
  });
});
