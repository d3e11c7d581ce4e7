import * as assert from 'node:assert/strict';
import { analysisDelayMs, CHEAP_ANALYSIS_MS, MAX_REST_MS } from '../../src/vscode/analysisPacing';

describe('analysis pacing (the wait before diagnostics follow an edit)', () => {
  it('does not wait for a document never analysed', () => {
    assert.equal(analysisDelayMs(undefined, 1_000), 0);
  });

  it('does not wait when the last analysis was cheap (a 2 KB spec), however recent', () => {
    assert.equal(analysisDelayMs({ costMs: 0.6, endedAt: 1_000 }, 1_000), 0);
    assert.equal(analysisDelayMs({ costMs: CHEAP_ANALYSIS_MS - 0.01, endedAt: 1_000 }, 1_000.5), 0);
  });

  it('rests as long as an expensive analysis cost (a 1 MB spec) after it ended', () => {
    // 55 ms analysis that ended 10 ms ago: 45 ms more, so typing holds the host at most half the time.
    assert.equal(analysisDelayMs({ costMs: 55, endedAt: 1_000 }, 1_010), 45);
    assert.equal(analysisDelayMs({ costMs: CHEAP_ANALYSIS_MS, endedAt: 1_000 }, 1_000), CHEAP_ANALYSIS_MS);
  });

  it('does not wait for the first edit after a pause longer than the last analysis', () => {
    assert.equal(analysisDelayMs({ costMs: 55, endedAt: 1_000 }, 1_055), 0);
    assert.equal(analysisDelayMs({ costMs: 55, endedAt: 1_000 }, 5_000), 0);
  });

  it('caps the rest after a very expensive analysis at MAX_REST_MS', () => {
    assert.equal(analysisDelayMs({ costMs: 60_000, endedAt: 1_000 }, 1_000), MAX_REST_MS);
  });
});
