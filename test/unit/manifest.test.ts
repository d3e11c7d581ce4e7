import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CODES, RULES } from '../../src/core/rules/ruleCodes';
import { SERVED_LANGUAGE_IDS } from '../../src/vscode/servedLanguages';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('package.json and README agree with the rules', () => {
  it('declares every code in sagemakerSpec.rules with its default severity', () => {
    const properties = manifest.contributes.configuration.properties['sagemakerSpec.rules'].properties;
    assert.deepEqual(Object.keys(properties).sort(), [...RULE_CODES].sort());
    for (const code of RULE_CODES) assert.equal(properties[code].default, RULES[code].severity, code);
  });

  it('documents every code under its own heading (the diagnostic links there)', () => {
    for (const code of RULE_CODES) assert.match(readme, new RegExp(`^#### \`${code}\``, 'm'), code);
  });

  it("opens each code's section with its default severity, and documents no code that does not exist", () => {
    const sections = [...readme.matchAll(/^#### `([^`]+)`\n(\w+)\./gm)].map(([, code, severity]) => [code, severity.toLowerCase()]);
    assert.deepEqual(sections.map(([code]) => code).sort(), [...RULE_CODES].sort());
    for (const [code, severity] of sections) assert.equal(severity, RULES[code as keyof typeof RULES].severity, code);
  });

  it('declares Follow Job… (trusted workspaces only), hides the status-bar item command, and follows after launch by default', () => {
    const commands = new Map<string, { enablement?: string }>(manifest.contributes.commands.map((command: { command: string }) => [command.command, command]));
    assert.equal(commands.get('sagemakerSpec.followJob')?.enablement, 'isWorkspaceTrusted');
    assert.ok(commands.has('sagemakerSpec.internal.showFollowedJob'));
    const hidden = manifest.contributes.menus.commandPalette.filter((entry: { when: string }) => entry.when === 'false').map((entry: { command: string }) => entry.command);
    assert.ok(hidden.includes('sagemakerSpec.internal.showFollowedJob'));
    const follow = manifest.contributes.configuration.properties['sagemakerSpec.followAfterLaunch'];
    assert.deepEqual([follow.type, follow.default], ['boolean', true]);
  });

  it('activates on every language it serves (the AWS Toolkit\'s asl and asl-yaml too), and offers fix-all in each', () => {
    assert.ok(SERVED_LANGUAGE_IDS.includes('asl-yaml'));
    for (const language of SERVED_LANGUAGE_IDS) assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
    const fixAll = manifest.contributes.codeActions.find((entry: { actions: { kind: string }[] }) => entry.actions.some((action) => action.kind === 'source.fixAll.sagemaker-spec'));
    assert.deepEqual([...fixAll.languages].sort(), [...SERVED_LANGUAGE_IDS].sort());
  });

  it('keeps settings that could redirect requests out of workspace settings', () => {
    for (const [name, property] of Object.entries<{ scope?: string }>(manifest.contributes.configuration.properties)) {
      if (/endpoint|registr/i.test(name)) assert.ok(['machine', 'application'].includes(property.scope ?? ''), name);
    }
  });
});
