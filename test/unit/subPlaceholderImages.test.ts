// A workflow written as JSON inside an `Fn::Sub` string (a DefinitionString, a Definition or a
// PipelineDefinitionBody): an image whose whole value is one `${Name}` that `Fn::Sub` fills is
// checked as what it is given — the Sub's variable map value, or a parameter's default — where
// that is written, with fixes there, as a `Definition` object's `!Ref` is (found by a fresh user:
// the same `:latest` default was reported for a Definition object and not for a DefinitionString).
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { XGBOOST_US_EAST_1 } from './specTestKit';
import { analyzeJsonTemplate, analyzeYaml, applyHostFix } from './yamlTestKit';

/** A state machine (JSON text) whose one task is a CreateModel with image `image`. */
function modelMachine(image: string): string {
  return JSON.stringify(
    {
      StartAt: 'M',
      States: { M: { Type: 'Task', Resource: 'arn:aws:states:::sagemaker:createModel', Parameters: { ModelName: 'm', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/r', PrimaryContainer: { Image: image } }, End: true } },
    },
    null,
    2,
  );
}

/** A YAML template with `head` lines first and a state machine whose DefinitionString is `definition` (YAML lines under the key). */
function yamlTemplate(head: string[], definition: string[], properties: string[] = []): string {
  return [...head, 'Resources:', '  Flow:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', '      RoleArn: arn:aws:iam::111122223333:role/sfn', ...properties.map((line) => `      ${line}`), '      DefinitionString:', ...definition.map((line) => `        ${line}`), ''].join('\n');
}

/** `json` as the lines of a `|` block scalar, indented by `indent` spaces. */
function block(json: string, indent = 2): string[] {
  return json.split('\n').map((line) => `${' '.repeat(indent)}${line}`);
}

function covered(text: string, findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.code} ${text.slice(finding.offset, finding.offset + finding.length)}`);
}

const PARAMETER = ['Parameters:', '  XgbImage:', '    Type: String', `    Default: ${XGBOOST_US_EAST_1}:latest`];

describe('Fn::Sub placeholders of workflow JSON in a template string: whole-value images read through the template', () => {
  it("a parameter's default: reported on the placeholder with a note, fixed in the default", () => {
    const text = yamlTemplate(PARAMETER, ['!Sub |', ...block(modelMachine('${XgbImage}'))]);
    const findings = analyzeYaml(text);
    assert.deepEqual(covered(text, findings), ['xgboost-unpinned ${XgbImage}']);
    assert.match(findings[0].message, /^With parameter XgbImage's default "683313688378\.dkr\.ecr\.us-east-1\.amazonaws\.com\/sagemaker-xgboost:latest": ":latest" does not pin an XGBoost version/);
    const fixed = applyHostFix(text, findings[0]);
    assert.equal(fixed, text.replace(`Default: ${XGBOOST_US_EAST_1}:latest`, `Default: ${XGBOOST_US_EAST_1}:3.2-0`));
    assert.deepEqual(analyzeYaml(fixed), []);
  });

  it("the Sub's own variable map: reported and fixed on the map's value", () => {
    const text = yamlTemplate([], ['!Sub', '  - |', ...block(modelMachine('${Img}'), 4), `  - Img: ${XGBOOST_US_EAST_1.replace('683313688378', '763104351884')}:1.7-1`]);
    const findings = analyzeYaml(text, { region: 'us-east-1' });
    assert.deepEqual(covered(text, findings), ['registry-account-mismatch 763104351884']);
    assert.equal(applyHostFix(text, findings[0]), text.replace('763104351884', '683313688378'));
  });

  it('in a JSON template, the two-argument Fn::Sub of a DefinitionString', () => {
    const template = JSON.stringify(
      { Resources: { Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: 'arn:aws:iam::1:role/x', DefinitionString: { 'Fn::Sub': [modelMachine('${Img}'), { Img: `${XGBOOST_US_EAST_1}:1` }] } } } } },
      null,
      2,
    );
    const findings = analyzeJsonTemplate(template);
    assert.deepEqual(covered(template, findings), ['xgboost-unpinned 1']);
    assert.equal(applyHostFix(template, findings[0], 'Pin XGBoost 1.7-1', 'json'), template.replace(`sagemaker-xgboost:1"`, `sagemaker-xgboost:1.7-1"`));
  });

  it('nothing for a placeholder of no known value (a resource, a parameter without a default, a pseudo parameter)', () => {
    const head = ['Parameters:', '  Plain:', '    Type: String'];
    for (const name of ['${Plain}', '${Repo.RepositoryUri}', '${AWS::Region}']) {
      assert.deepEqual(analyzeYaml(yamlTemplate(head, ['!Sub |', ...block(modelMachine(name))])), [], name);
    }
  });

  it('leaves ${!Name} to DefinitionSubstitutions, reads ${Name} as Fn::Sub does even when the map has the key, and leaves a placeholder inside a longer string to the in-string template', () => {
    const map = ['DefinitionSubstitutions:', `  XgbImage: ${XGBOOST_US_EAST_1}:1.7-1`];
    // `${!XgbImage}` reaches Step Functions as `${XgbImage}`: the map fills it (checked there once), not Fn::Sub.
    const escaped = yamlTemplate(PARAMETER, ['!Sub |', ...block(modelMachine('${!XgbImage}'))], map);
    assert.deepEqual(analyzeYaml(escaped), []);
    // Unescaped, Fn::Sub fills it from the parameter first: the map never sees it, the parameter's default is the image.
    const unescaped = yamlTemplate(PARAMETER, ['!Sub |', ...block(modelMachine('${XgbImage}'))], map);
    assert.deepEqual(covered(unescaped, analyzeYaml(unescaped)), ['xgboost-unpinned ${XgbImage}']);
    // Part of a string: the static tag is the in-string request's, reported once.
    const partial = yamlTemplate(['Parameters:', '  Account:', '    Type: String', '    Default: "683313688378"'], ['!Sub |', ...block(modelMachine('${Account}.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:latest'))]);
    assert.deepEqual(covered(partial, analyzeYaml(partial)), ['xgboost-unpinned latest']);
  });
});
