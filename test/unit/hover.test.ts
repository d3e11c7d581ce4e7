import * as assert from 'node:assert/strict';
import { hoverAt } from '../../src/core/hover';
import { parseSpecDocument } from '../../src/core/specDocument';
import { apiModel, catalog, KMEANS_US_EAST_1, trainingSpec, XGBOOST_US_EAST_1 } from './specTestKit';

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

  it('calls a public.ecr.aws image an Amazon ECR Public image, not one outside Amazon ECR', () => {
    const markdown = hover(trainingSpec('public.ecr.aws/myalias/trainer:1.0'), 'myalias')!.markdown;
    assert.match(markdown, /^\*\*Amazon ECR Public image\*\*/);
    assert.doesNotMatch(markdown, /outside Amazon ECR/);
  });

  it('says what an XGBoost image\'s `1` means in its repository, as xgboost-unpinned does (found by a fresh user: the hover called sagemaker-xgboost:1 the legacy image)', () => {
    const modern = hover(trainingSpec(`${XGBOOST_US_EAST_1}:1`), 'sagemaker-xgboost')!.markdown;
    assert.match(modern, /Not pinned: `1` names no XGBoost version \(sagemaker-xgboost's images are tagged by version\); pick one\./);
    const legacy = hover(trainingSpec('811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1'), 'xgboost')!.markdown;
    assert.match(legacy, /Not pinned: `1` is XGBoost's legacy image \(0\.72\); pick a version\./);
  });

  it('is silent outside image values', () => {
    const text = trainingSpec(`${KMEANS_US_EAST_1}:1`);
    assert.equal(hover(text, 'demo-job'), undefined);
  });
});

describe('hover: spec text is inert Markdown', () => {
  const hoverWithModel = (text: string, near: string) => hoverAt(parseSpecDocument(text), text.indexOf(near) + 1, catalog, apiModel)!.markdown;
  const TAG_REASON = 'is not a valid tag \\(letters\\, digits\\, \\"\\_\\"\\, \\"\\.\\" and \\"\\-\\"\\, up to 128\\, not starting with \\"\\.\\" or \\"\\-\\"\\).';

  it('a tag that is a command link', () => {
    const markdown = hoverWithModel(trainingSpec('registry.example.com/team/trainer:x](command:workbench.action.files.delete)'), 'registry.example.com');
    assert.equal(markdown, `**Not a valid image reference**: \\"x\\]\\(command\\:workbench\\.action\\.files\\.delete\\)\\" ${TAG_REASON}`);
  });

  it('a digest that is an image', () => {
    const markdown = hoverWithModel(trainingSpec('registry.example.com/team/trainer@sha256:![img](http://example.com/x.png)'), 'registry.example.com');
    assert.equal(markdown, '**Not a valid image reference**: \\"sha256\\:\\!\\[img\\]\\(http\\:\\/\\/example\\.com\\/x\\.png\\)\\" is not a valid digest \\(expected sha256\\:\\<64 hex digits\\>\\).');
  });

  it('a repository that is an HTML tag', () => {
    const markdown = hoverWithModel(trainingSpec('registry.example.com/<img/src=x>/trainer:1'), 'registry.example.com');
    assert.equal(markdown, '**Not a valid image reference**: \\"\\<img\\"\\: repository names use lowercase letters\\, digits and single separators \\(\\"\\.\\"\\, \\"\\_\\"\\, \\"\\_\\_\\"\\, \\"\\-\\"\\).');
  });

  it('a tag with backticks', () => {
    const markdown = hoverWithModel(trainingSpec('registry.example.com/team/trainer:`a`b``:1'), 'registry.example.com');
    assert.equal(markdown, `**Not a valid image reference**: \\"\\\`a\\\`b\\\`\\\`\\:1\\" ${TAG_REASON}`);
  });

  it('a map key with backticks, a command link, an image and HTML', () => {
    const key = '`x`](command:foo) ![i](http://e.com/x.png) <img src=x>\nline';
    const markdown = hoverWithModel(trainingSpec('registry.example.com/team/trainer:1', { Environment: { [key]: 'v' } }), '`x`');
    assert.equal(markdown.split('\n\n')[0], '**\\`x\\`\\]\\(command\\:foo\\) \\!\\[i\\]\\(http\\:\\/\\/e\\.com\\/x\\.png\\) \\<img src\\=x\\> line** · an entry of this map · a string');
  });

  it('a map key being typed (empty) has no hover: no name to show', () => {
    const text = trainingSpec('registry.example.com/team/trainer:1', { Environment: { '': 'v' } });
    assert.equal(hoverAt(parseSpecDocument(text), text.indexOf('"": "v"') + 1, catalog, apiModel), undefined);
  });

  it('valid references keep their code spans', () => {
    const markdown = hoverWithModel(trainingSpec('registry.example.com:5000/team/trainer:v1.2'), 'team');
    assert.match(markdown, /\| Registry \| `registry\.example\.com:5000` \|/);
    assert.match(markdown, /Pinned by tag `v1\.2`/);
  });
});
