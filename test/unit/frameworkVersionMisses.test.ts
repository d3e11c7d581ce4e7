// One constructor's version is judged once per scope (training, each deploy's inference): the
// misses on one argument are one unknown-framework-version finding (unknownVersions.ts).
import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import type { FrameworkArgument } from '../../src/core/frameworkRequest';
import type { BufferedFinding } from '../../src/core/rules/framework/bufferedContext';
import { regionMissFinding, type RegionMiss } from '../../src/core/rules/framework/regionMisses';
import { mergeVersionMisses, versionMissFinding, type VersionMiss } from '../../src/core/rules/framework/unknownVersions';

const TEXT = '{"framework_version": "9.9", "py_version": "py27"}';

function argument(value: string): FrameworkArgument {
  const node = parseTree(TEXT)!.children!.map((property) => property.children![1]).find((candidate) => candidate.value === value)!;
  return { value, node, range: { offset: node.offset + 1, length: node.length - 2 } };
}

const VERSION = argument('9.9');
const AT_VERSION = TEXT.indexOf('9.9');
const miss = (where: string, candidates: string[], title = 'PyTorch'): VersionMiss => ({ title, typed: '9.9', where, candidates, argument: VERSION });

/** [code, range, message, fix titles with preferred] of each finding. */
function shown(findings: readonly BufferedFinding[]): [string, number, number, string, [string, boolean][]][] {
  return findings.map((finding) => [finding.code, finding.range.offset, finding.range.length, finding.message, (finding.fixes ?? []).map((fix) => [fix.title, fix.preferred ?? false] as [string, boolean])]);
}

describe('unknown-framework-version: the misses on one version argument are one finding', () => {
  it('one miss is said as before: the scope and its nearest versions', () => {
    assert.deepEqual(shown(mergeVersionMisses([versionMissFinding(miss('training', ['2.8.0', '2.7.1', '2.6.0', '1.13.1']))])), [
      ['unknown-framework-version', AT_VERSION, 3, 'PyTorch has no version "9.9" for training. Nearest: 2.8.0, 2.7.1, 2.6.0.', [['Use version 2.8.0', true], ['Use version 2.7.1', false], ['Use version 2.6.0', false]]],
    ]);
  });

  it('two scopes that share versions: one finding naming both, offering only the versions both have', () => {
    const training = versionMissFinding(miss('training', ['2.8.0', '2.7.1', '2.6.0', '2.5.1']));
    const inference = versionMissFinding(miss('inference on ml.m5.large', ['2.6.0', '2.5.1', '2.4.0']));
    const other: BufferedFinding = { code: 'py-version-mismatch', message: 'py27 is not offered.', range: argument('py27').range };
    assert.deepEqual(shown(mergeVersionMisses([training, other, inference, inference])), [
      ['unknown-framework-version', AT_VERSION, 3, 'PyTorch has no version "9.9" for training, nor for inference on ml.m5.large. Nearest for both: 2.6.0, 2.5.1.', [['Use version 2.6.0', true], ['Use version 2.5.1', false]]],
      ['py-version-mismatch', TEXT.indexOf('py27'), 4, 'py27 is not offered.', []],
    ]);
  });

  it('scopes that share no version: each scope\'s nearest, named, none preferred; another config is named by its title', () => {
    const findings = [versionMissFinding(miss('training', ['2.8.0'])), versionMissFinding(miss('inference on ml.inf1.xlarge', ['1.13.1'], 'PyTorch Neuron'))];
    assert.deepEqual(shown(mergeVersionMisses(findings)), [
      [
        'unknown-framework-version',
        AT_VERSION,
        3,
        'PyTorch has no version "9.9" for training, nor PyTorch Neuron for inference on ml.inf1.xlarge. No version has them all; nearest for training: 2.8.0; for inference on ml.inf1.xlarge: 1.13.1.',
        [['Use version 2.8.0 (training only)', false], ['Use version 1.13.1 (inference on ml.inf1.xlarge only)', false]],
      ],
    ]);
  });
});

describe('framework-not-in-region: the misses of every scope on one token are one finding', () => {
  const version = { ...VERSION, value: '9.9' };
  const regionMiss = (where: string, candidates: string[], elsewhere: string[]): RegionMiss => ({ title: 'PyTorch 9.9', where, candidates, region: 'il-central-1', place: ' in il-central-1', elsewhere, version, range: VERSION.range });

  it('scopes with no region and no version in common: said so, each scope\'s versions labelled, none preferred', () => {
    const findings = [regionMissFinding(regionMiss('training', ['2.8.0'], ['eu-west-1'])), regionMissFinding(regionMiss('inference on ml.m5.large', ['2.6.0'], ['us-east-1']))];
    assert.deepEqual(shown(mergeVersionMisses(findings)), [
      [
        'framework-not-in-region',
        AT_VERSION,
        3,
        'PyTorch 9.9 has no image in il-central-1 for training, nor for inference on ml.m5.large. No region has them all.',
        [['Use version 2.8.0 (training only)', false], ['Use version 2.6.0 (inference on ml.m5.large only)', false]],
      ],
    ]);
  });

  it('keeps an unknown-framework-version on the same token apart: one finding per token and code', () => {
    const findings = [versionMissFinding(miss('training', ['2.8.0'])), regionMissFinding(regionMiss('training', ['2.8.0'], ['eu-west-1'])), regionMissFinding(regionMiss('inference on ml.m5.large', ['2.8.0'], ['eu-west-1']))];
    assert.deepEqual(shown(mergeVersionMisses(findings)).map(([code, , , message]) => [code, message]), [
      ['unknown-framework-version', 'PyTorch has no version "9.9" for training. Nearest: 2.8.0.'],
      ['framework-not-in-region', 'PyTorch 9.9 has no image in il-central-1 for training, nor for inference on ml.m5.large. Regions that have both include eu-west-1.'],
    ]);
  });
});
