// invalid-image-reference for the usual paste mistakes says what is wrong (not "the port must be a
// number") and offers the plain repair; a `${…}` nothing substitutes is unfilled-placeholder.
import * as assert from 'node:assert/strict';
import { analyzeText, applyFix, modelSpec, only, textAt } from './specTestKit';

const XGB = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

describe('invalid-image-reference: paste mistakes', () => {
  it('a pasted https:// is named as a scheme, pointed at, and removed by the preferred fix', () => {
    const text = modelSpec(`https://${XGB}`);
    const finding = only(analyzeText(text), 'invalid-image-reference');
    assert.equal(textAt(text, finding), 'https://');
    assert.equal(finding.message, 'Not a valid image reference: the scheme "https://" is not part of an image reference, which starts with the registry host.');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Remove "https://"', true]]);
    assert.equal(applyFix(text, finding), modelSpec(XGB));
    assert.deepEqual(analyzeText(applyFix(text, finding)), []);
  });

  it('a trailing space is pointed at and trimmed by the preferred fix', () => {
    const text = modelSpec(`${XGB} `);
    const finding = only(analyzeText(text), 'invalid-image-reference');
    assert.equal(textAt(text, finding), ' ');
    assert.match(finding.message, /a trailing space/);
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.preferred]), [['Remove the spaces', true]]);
    assert.equal(applyFix(text, finding), modelSpec(XGB));
  });

  it('credentials in the reference are never echoed; the fix removes them', () => {
    const secret = 'ghp_AbCdEf0123456789';
    const text = modelSpec(`deploy:${secret}@registry.acme.com/ml/x:1`, { ImageConfig: { RepositoryAccessMode: 'Vpc' } });
    const finding = only(analyzeText(text), 'invalid-image-reference');
    assert.equal(textAt(text, finding), `deploy:${secret}@`);
    assert.ok(!finding.message.includes(secret) && !finding.message.includes('deploy'), finding.message);
    assert.match(finding.message, /credentials cannot be part of an image reference .*credentials provider/);
    assert.equal(applyFix(text, finding), modelSpec('registry.acme.com/ml/x:1', { ImageConfig: { RepositoryAccessMode: 'Vpc' } }));
  });
});

describe('unfilled-placeholder in a JSON spec image', () => {
  const image = '683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1.7-1';

  it('names ${AWS::Region} as a placeholder nothing substitutes here (not a port), on the placeholder', () => {
    const text = modelSpec(image);
    const findings = analyzeText(text);
    assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['unfilled-placeholder', '${AWS::Region}']]);
    assert.equal(findings[0].message, '${AWS::Region} is a CloudFormation pseudo parameter, which only Fn::Sub fills: nothing substitutes it in this file, so the request is sent with it as written. Write the value itself.');
    // Without a target region, which region was meant is unknown.
    assert.deepEqual(findings[0].fixes, []);
  });

  it('with an explicit region, writes it (preferred: the request goes to that region), and checks the static text meanwhile', () => {
    const text = modelSpec(image.replace('sagemaker-xgboost:1.7-1', 'sagemaker-xgboost:latest'));
    const findings = analyzeText(text, { region: 'us-east-1' });
    assert.deepEqual(findings.map((finding) => [finding.code, textAt(text, finding)]), [['unfilled-placeholder', '${AWS::Region}'], ['xgboost-unpinned', 'latest']]);
    assert.deepEqual(findings[0].fixes.map((fix) => [fix.title, fix.preferred]), [['Write the region us-east-1', true]]);
    assert.equal(applyFix(text, findings[0]), modelSpec(`${XGB.replace(':1.7-1', ':latest')}`));
  });

  it('any other ${Name} is a placeholder nothing fills in this file', () => {
    const text = modelSpec('${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    const finding = only(analyzeText(text), 'unfilled-placeholder');
    assert.equal(textAt(text, finding), '${ACCOUNT}');
    assert.equal(finding.message, '${ACCOUNT} is a placeholder: nothing substitutes it in this file, so the request is sent with it as written. Write the value itself.');
  });
});
