import * as assert from 'node:assert/strict';
import { parseImageReference, type ImageReference } from '../../src/core/imageReference';

function parsed(raw: string): ImageReference {
  const result = parseImageReference(raw);
  if (!result.ok) throw new Error(`expected ${raw} to parse: ${result.problem}`);
  return result.reference;
}

function problem(raw: string): { problem: string; part: string } {
  const result = parseImageReference(raw);
  if (result.ok) throw new Error(`expected ${raw} to be rejected`);
  return { problem: result.problem, part: raw.slice(result.span.start, result.span.end) };
}

describe('parseImageReference', () => {
  it('splits an ECR reference into account, region, suffix, repository and tag', () => {
    const reference = parsed('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    assert.equal(reference.host?.text, '683313688378.dkr.ecr.us-east-1.amazonaws.com');
    assert.equal(reference.ecr?.account.text, '683313688378');
    assert.equal(reference.ecr?.region.text, 'us-east-1');
    assert.equal(reference.ecr?.dnsSuffix.text, 'amazonaws.com');
    assert.equal(reference.repository.text, 'sagemaker-xgboost');
    assert.equal(reference.tag?.text, '1.7-1');
    assert.equal(reference.digest, undefined);
  });

  it('recognises China and FIPS ECR hosts', () => {
    const china = parsed('390948362332.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1');
    assert.equal(china.ecr?.dnsSuffix.text, 'amazonaws.com.cn');
    const fips = parsed('123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/team/app:2');
    assert.equal(fips.ecr?.fips, true);
    assert.equal(fips.ecr?.region.text, 'us-east-1');
    assert.equal(fips.repository.text, 'team/app');
  });

  it('keeps a registry port apart from the tag', () => {
    const reference = parsed('registry.example.com:5000/team/trainer:2.1');
    assert.equal(reference.host?.text, 'registry.example.com:5000');
    assert.equal(reference.repository.text, 'team/trainer');
    assert.equal(reference.tag?.text, '2.1');
    assert.equal(reference.ecr, undefined);
  });

  it('reads a digest, with or without a tag', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const both = parsed(`localhost:5000/trainer:1@${digest}`);
    assert.equal(both.tag?.text, '1');
    assert.equal(both.digest?.text, digest);
    const only = parsed(`registry.example.com/trainer@${digest}`);
    assert.equal(only.tag, undefined);
    assert.equal(only.digest?.text, digest);
  });

  it('marks an ECR-shaped host whose account is not 12 digits, with the account and region parts', () => {
    const short = parsed('12345.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1');
    assert.equal(short.ecr, undefined);
    assert.deepEqual(short.malformedEcrAccount, {
      account: { start: 0, end: 5, text: '12345' },
      region: { start: 14, end: 23, text: 'us-east-1' },
    });
    const fips = parsed('1234567890123.dkr.ecr-fips.us-gov-west-1.amazonaws.com/team/app:2');
    assert.deepEqual(fips.malformedEcrAccount?.account, { start: 0, end: 13, text: '1234567890123' });
    assert.deepEqual(fips.malformedEcrAccount?.region, { start: 27, end: 40, text: 'us-gov-west-1' });
    const letter = parsed('68331368837o.dkr.ecr.eu-west-1.amazonaws.com/trainer:1');
    assert.deepEqual(letter.malformedEcrAccount?.account, { start: 0, end: 12, text: '68331368837o' });
    assert.equal(letter.malformedEcrAccount?.region.text, 'eu-west-1');
  });

  it('leaves malformedEcrAccount unset for ECR hosts, other registries and Docker Hub', () => {
    assert.equal(parsed('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1').malformedEcrAccount, undefined);
    // 12 digits under a suffix ECR does not use: neither ECR nor a mistyped account.
    assert.equal(parsed('123456789012.dkr.ecr.us-east-1.example.com/trainer:1').malformedEcrAccount, undefined);
    assert.equal(parsed('registry.example.com:5000/team/trainer:2.1').malformedEcrAccount, undefined);
    assert.equal(parsed('python:3.11').malformedEcrAccount, undefined);
  });

  it('treats a first component without a dot or port as a Docker Hub namespace', () => {
    const reference = parsed('library/python:3.11');
    assert.equal(reference.host, undefined);
    assert.equal(reference.repository.text, 'library/python');
  });

  it('rejects bad references and points at the bad part', () => {
    assert.deepEqual(problem(''), { problem: 'the image reference is empty', part: '' });
    assert.match(problem('my image:1').problem, /spaces/);
    assert.equal(problem('registry.example.com/Team/trainer:1').part, 'Team');
    assert.match(problem('registry.example.com/Team/trainer:1').problem, /lowercase/);
    assert.equal(problem('registry.example.com/trainer:-bad').part, '-bad');
    assert.equal(problem('registry.example.com/trainer@sha256:1234').part, 'sha256:1234');
    assert.equal(problem('registry.example.com/trainer:').part, ':');
    assert.match(problem(`registry.example.com/${'a'.repeat(260)}:1`).problem, /limit is 255/);
    assert.match(problem('registry.example.com:port/trainer:1').problem, /port/);
  });

  describe('paste mistakes, told before the grammar and with a plain repair', () => {
    const XGB = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
    const failure = (raw: string) => {
      const result = parseImageReference(raw);
      assert.equal(result.ok, false, raw);
      return result as Extract<ReturnType<typeof parseImageReference>, { ok: false }>;
    };
    const repaired = (raw: string) => {
      const { repair } = failure(raw);
      assert.ok(repair, raw);
      return raw.slice(0, repair.span.start) + repair.text + raw.slice(repair.span.end);
    };

    it('a URL scheme is named as such (not "the port must be a number") and removed', () => {
      for (const scheme of ['https://', 'http://', 'docker://']) {
        assert.deepEqual(problem(scheme + XGB), { problem: `the scheme "${scheme}" is not part of an image reference, which starts with the registry host`, part: scheme });
        assert.equal(repaired(scheme + XGB), XGB);
        assert.equal(failure(scheme + XGB).repair?.title, `Remove "${scheme}"`);
      }
    });

    it('leading or trailing spaces are pointed at and trimmed; a space inside is not repaired', () => {
      assert.deepEqual(problem(`${XGB} `), { problem: 'the reference has a trailing space, which the registry does not accept', part: ' ' });
      assert.deepEqual(problem(`  ${XGB}`), { problem: 'the reference has a leading space, which the registry does not accept', part: '  ' });
      assert.equal(problem(` ${XGB}\t`).part, ` ${XGB}\t`);
      for (const raw of [`${XGB} `, `  ${XGB}`, ` ${XGB}\t`]) assert.equal(repaired(raw), XGB);
      assert.equal(failure('my image:1').repair, undefined);
    });

    it('a ${…} placeholder is named as one, not as a port', () => {
      assert.deepEqual(problem('683313688378.dkr.ecr.${AWS::Region}.amazonaws.com/sagemaker-xgboost:1'), { problem: '${AWS::Region} is a placeholder, which nothing substitutes in an image reference', part: '${AWS::Region}' });
    });

    it('credentials before the host are never echoed, and removed', () => {
      const raw = 'deploy:ghp_0123456789abcdefSECRET@registry.acme.com/ml/x:1';
      const result = failure(raw);
      assert.match(result.problem, /^credentials cannot be part of an image reference/);
      assert.ok(!result.problem.includes('ghp_') && !result.problem.includes('deploy'), result.problem);
      assert.equal(raw.slice(result.span.start, result.span.end), 'deploy:ghp_0123456789abcdefSECRET@');
      assert.equal(repaired(raw), 'registry.acme.com/ml/x:1');
      // A digest after a short name is no credential.
      assert.equal(parseImageReference(`python@sha256:${'a'.repeat(64)}`).ok, true);
    });
  });
});
