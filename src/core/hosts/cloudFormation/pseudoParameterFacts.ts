/**
 * CloudFormation's pseudo parameters (`AWS::Region`, `AWS::AccountId`, …): what the stack fills
 * each with, in words for hover, and the one a placeholder's text names. A pseudo parameter is
 * filled by the stack it is deployed in — not "when the request is made" — so wherever a template
 * placeholder has no facts of its own (a `${…}` inside an `Fn::Sub`'d JSON string, an `Fn::Join`
 * item), its text still says which it is.
 */

/** What fills each pseudo parameter, as a few words: `the stack's region`. */
export const PSEUDO_PARAMETERS: Readonly<Record<string, string>> = {
  'AWS::Region': "the stack's region",
  'AWS::AccountId': "the stack's account",
  'AWS::URLSuffix': "the region's domain suffix (amazonaws.com, amazonaws.com.cn)",
  'AWS::Partition': "the region's partition (aws, aws-cn, aws-us-gov)",
  'AWS::StackName': "the stack's name",
  'AWS::StackId': "the stack's id",
};

/**
 * The pseudo parameter a placeholder's text names, as CloudFormation writes one: `${AWS::Region}`
 * (in `Fn::Sub`), `!Ref AWS::Region`, `{"Ref": "AWS::Region"}`, `Ref: AWS::Region`. Undefined for
 * any other text.
 */
export function pseudoParameterOf(written: string): string | undefined {
  const match = /^\$\{(AWS::[A-Za-z]+)\}$/.exec(written) ?? /^(?:!Ref\s+|\{?\s*["']?Ref["']?\s*:\s*)["']?(AWS::[A-Za-z]+)["']?\s*\}?$/.exec(written.trim());
  return match?.[1];
}

/** The words for a placeholder's text when it names a known pseudo parameter (see PSEUDO_PARAMETERS). */
export function pseudoParameterDescription(written: string): string | undefined {
  const name = pseudoParameterOf(written);
  return name !== undefined && Object.hasOwn(PSEUDO_PARAMETERS, name) ? PSEUDO_PARAMETERS[name] : undefined;
}
