/** What the AWS commands share; tests swap the prompter and shorten the poll delays. */
import type { Output } from '../output';
import type { Prompter } from '../prompter';
import type { SpecAnalysis } from '../specAnalysis';
import type { AwsAccess } from '../awsAccess';

export interface PollTiming {
  initialMs: number;
  maximumMs: number;
}

export interface LaunchServices {
  analysis: SpecAnalysis;
  access: AwsAccess;
  output: Output;
  prompter: Prompter;
  polling: PollTiming;
  /** The time used for renamed resources (tests fix it). */
  now(): Date;
}
