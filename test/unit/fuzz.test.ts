// The fuzz test of issue 9: the core's analysis and the checker over generated variants of
// examples/ (truncated, mutated character by character, values swapped for every JSON type,
// members duplicated, deeply nested, a 1 MiB string). Bounded and seeded: a few seconds by
// default; SAGEMAKER_SPEC_FUZZ_SEED / _ITERATIONS run another or a longer sample, and
// SAGEMAKER_SPEC_FUZZ_ONLY='iteration 57' replays one variant a failure names
// (`npx mocha --no-config out/test/unit/fuzz.test.js` runs this file alone).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describeError, stackTop } from './fuzz/invariants';
import { Random } from './fuzz/random';
import { fuzzOptionsFromEnv, runFuzz, summarize } from './fuzz/runFuzz';
import { fixedVariants, loadExamples, randomVariant } from './fuzz/variants';

describe('fuzz: analysis and checker over variants of examples/ (issue 9)', function () {
  const options = fuzzOptionsFromEnv(process.env);
  // Each variant has its own budget (options.budgetMs); this only bounds the whole run.
  this.timeout(Math.max(60_000, options.iterations * 100));

  it(`keeps every invariant on each variant (seed ${options.seed}, ${options.iterations} iterations)`, async () => {
    const report = await runFuzz(options);
    // Every failure, for reducing them to minimal inputs: SAGEMAKER_SPEC_FUZZ_REPORT=failures.json.
    if (process.env.SAGEMAKER_SPEC_FUZZ_REPORT) fs.writeFileSync(process.env.SAGEMAKER_SPEC_FUZZ_REPORT, JSON.stringify(report, null, 2));
    // Each planned variant finished, or was stopped and reported (then the run went on after it).
    const stopped = new Set(report.failures.filter((failure) => failure.stopped).map((failure) => failure.label)).size;
    assert.equal(report.variants + stopped, report.planned, 'variants went missing');
    if (report.failures.length > 0) assert.fail(summarize(report, options));
  });

  describe('the harness itself', () => {
    const examples = loadExamples();

    it('makes the same variant from the same seed and iteration, and others from others', () => {
      const first = randomVariant(examples, 7, 3);
      assert.deepEqual(randomVariant(examples, 7, 3), first);
      const others = [randomVariant(examples, 8, 3), randomVariant(examples, 7, 4)];
      assert.ok(others.every((other) => other.text !== first.text || other.generator !== first.generator));
    });

    it('spreads iterations over every example and every generator family', () => {
      const variants = Array.from({ length: 400 }, (_, iteration) => randomVariant(examples, 1, iteration));
      assert.deepEqual(new Set(variants.map((variant) => variant.example)), new Set(examples.map((example) => example.name)));
      for (const family of ['truncate at', 'characters:', 'replace value at', 'duplicate ']) {
        assert.ok(variants.some((variant) => variant.generator.startsWith(family)), `no ${family} variant`);
      }
    });

    it('writes only text a file can hold: no lone surrogates, no leading byte-order mark', () => {
      const variants = [...fixedVariants(examples), ...Array.from({ length: 400 }, (_, iteration) => randomVariant(examples, 2, iteration))];
      for (const variant of variants) {
        assert.equal(Buffer.from(variant.text, 'utf8').toString('utf8'), variant.text, variant.label);
        assert.ok(!variant.text.startsWith('\ufeff'), variant.label);
      }
    });

    it('has the fixed hostile shapes: 100 and 7,000 levels, a 1 MiB InstanceType', () => {
      const fixed = new Map(fixedVariants(examples).map((variant) => [variant.label, variant.text]));
      assert.ok(fixed.get('fixed deep-nesting-100-at-fix')?.includes('['.repeat(100) + '{}' + ']'.repeat(100)));
      assert.ok(fixed.get('fixed deep-nesting-7000')?.includes('['.repeat(7000)));
      assert.ok(fixed.get('fixed long-instance-type')?.includes(`"ml.${'x'.repeat(1024 * 1024 - 3)}"`));
    });

    it('groups errors by name, message shape and first frame of our code', () => {
      const error = new TypeError('Cannot read properties of undefined (reading "children") at 42');
      error.stack = `TypeError: x\n    at node:internal/x:1:2\n    at setMembers (/work/repo/out/src/core/jsonEdits.js:51:7)\n    at other (/work/repo/out/src/core/analyze.js:1:1)`;
      assert.equal(stackTop(error), 'setMembers (src/core/jsonEdits.js)');
      assert.equal(describeError(error), 'TypeError: Cannot read properties of undefined (reading "…") at N at setMembers (src/core/jsonEdits.js)');
      const overflow = new RangeError('Maximum call stack size exceeded');
      overflow.stack = `RangeError: x\n    at scanNext (/work/main/node_modules/jsonc-parser/lib/umd/impl/scanner.js:9:9)`;
      assert.equal(describeError(overflow), 'RangeError: Maximum call stack size exceeded at jsonc-parser');
    });

    it('reads its options from the environment and refuses a malformed number', () => {
      assert.deepEqual(fuzzOptionsFromEnv({ SAGEMAKER_SPEC_FUZZ_SEED: '5', SAGEMAKER_SPEC_FUZZ_ITERATIONS: '9', SAGEMAKER_SPEC_FUZZ_ONLY: 'iteration 3' }), {
        seed: 5,
        iterations: 9,
        only: 'iteration 3',
        budgetMs: 2000,
      });
      assert.throws(() => fuzzOptionsFromEnv({ SAGEMAKER_SPEC_FUZZ_ITERATIONS: '1e3' }), /SAGEMAKER_SPEC_FUZZ_ITERATIONS must be a non-negative integer/);
    });

    it('stops a variant that overruns its budget and reports it with its label', async () => {
      const report = await runFuzz({ seed: 1, iterations: 0, only: 'fixed long-instance-type', budgetMs: 1 });
      assert.deepEqual(
        report.failures.map((failure) => [failure.kind, failure.label]),
        [['over the time budget of 1 ms', 'fixed long-instance-type']],
      );
      assert.equal(report.planned, 1);
    });

    it('draws integers in the closed range it is given', () => {
      const random = new Random(1);
      const drawn = new Set(Array.from({ length: 500 }, () => random.int(2, 4)));
      assert.deepEqual([...drawn].sort(), [2, 3, 4]);
    });
  });
});
