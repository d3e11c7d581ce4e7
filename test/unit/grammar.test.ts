/**
 * Tokenizes JSON/JSONC with VS Code's own JSON grammars (verbatim copies in
 * test/fixtures/grammar/, see the README there) plus our injection grammar
 * syntaxes/image-reference.injection.tmLanguage.json, through the same
 * engine VS Code uses (vscode-textmate + vscode-oniguruma).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const INJECTION_SCOPE = 'sagemaker-spec.image-reference.injection';
const INJECTION_FILE = path.join('syntaxes', 'image-reference.injection.tmLanguage.json');
const SUFFIX = '.sagemaker-spec';

const HOST = 'entity.name.namespace.registry-host.sagemaker-spec';
const PATH_SEP = 'punctuation.separator.path.sagemaker-spec';
const REPO = 'entity.name.type.repository.sagemaker-spec';
const TAG_SEP = 'punctuation.separator.tag.sagemaker-spec';
const TAG = 'constant.other.tag.sagemaker-spec';
const DIGEST_SEP = 'punctuation.separator.digest.sagemaker-spec';
const DIGEST = 'constant.numeric.digest.sagemaker-spec';
const ACCOUNT = 'constant.numeric.account.sagemaker-spec';
const REGION = 'support.constant.region.sagemaker-spec';
const PORT = 'constant.numeric.port.sagemaker-spec';

const ECR_IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const HEX64 = '0123456789abcdef'.repeat(4);
const DIGEST_IMAGE = `registry.example.com:5000/team/trainer@sha256:${HEX64}`;

/** The repository root: the nearest ancestor of this file (src or compiled) holding our grammar. */
function findRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, INJECTION_FILE))) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      return process.cwd();
    }
  }
}

const ROOT = findRoot();
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'grammar');

const GRAMMAR_FILES: Record<string, string> = {
  'source.json': path.join(FIXTURES, 'JSON.tmLanguage.json'),
  'source.json.comments': path.join(FIXTURES, 'JSONC.tmLanguage.json'),
  [INJECTION_SCOPE]: path.join(ROOT, INJECTION_FILE),
};

/** What package.json contributes: `injectTo: ["source.json", "source.json.comments"]`. */
const INJECT_TO = new Set(['source.json', 'source.json.comments']);

interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

let registry: vsctm.Registry;

let wasmLoaded: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  if (!wasmLoaded) {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    wasmLoaded = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  return wasmLoaded;
}

async function createRegistry(inject = true): Promise<vsctm.Registry> {
  await loadOniguruma();
  const onigLib: vsctm.IOnigLib = {
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (str) => new oniguruma.OnigString(str),
  };
  return new vsctm.Registry({
    onigLib: Promise.resolve(onigLib),
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      if (!file) {
        return null;
      }
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName) => (inject && INJECT_TO.has(scopeName) ? [INJECTION_SCOPE] : undefined),
  });
}

async function tokenize(
  scopeName: 'source.json' | 'source.json.comments',
  text: string,
  reg: vsctm.Registry = registry,
): Promise<Token[][]> {
  const grammar = await reg.loadGrammar(scopeName);
  assert.ok(grammar, `grammar ${scopeName} did not load`);
  const lines = text.split('\n');
  const result: Token[][] = [];
  let state = vsctm.INITIAL;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    result.push(
      r.tokens.map((t) => ({
        text: line.slice(t.startIndex, Math.min(t.endIndex, line.length)),
        start: t.startIndex,
        end: Math.min(t.endIndex, line.length),
        scopes: t.scopes,
      })),
    );
    state = r.ruleStack;
  }
  return result;
}

async function tokenizeLine(scopeName: 'source.json' | 'source.json.comments', line: string): Promise<Token[]> {
  const [tokens] = await tokenize(scopeName, line);
  return tokens;
}

function scopesAt(tokens: Token[], offset: number): string[] {
  const token = tokens.find((t) => t.start <= offset && offset < t.end);
  assert.ok(token, `no token at offset ${offset}`);
  return token.scopes;
}

function ours(scopes: string[]): string[] {
  return scopes.filter((s) => s.endsWith(SUFFIX));
}

/**
 * Asserts that `substring` (its `occurrence`-th appearance in the line) is
 * covered exactly by `scope`: every character of it carries the scope, and the
 * characters right before and after do not.
 */
function assertScoped(line: string, tokens: Token[], substring: string, scope: string, occurrence = 0): void {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = line.indexOf(substring, start + 1);
    assert.notEqual(start, -1, `"${substring}" (occurrence ${occurrence}) not in ${line}`);
  }
  const end = start + substring.length;
  for (let i = start; i < end; i++) {
    assert.ok(
      scopesAt(tokens, i).includes(scope),
      `"${line[i]}" at ${i} inside "${substring}" lacks ${scope}: ${scopesAt(tokens, i).join(' ')}`,
    );
  }
  if (start > 0) {
    assert.ok(!scopesAt(tokens, start - 1).includes(scope), `${scope} starts before "${substring}"`);
  }
  if (end < line.length) {
    assert.ok(!scopesAt(tokens, end).includes(scope), `${scope} runs past "${substring}"`);
  }
}

/** Our scopes present anywhere in [start, end) of the line. */
function ourScopesIn(tokens: Token[], start: number, end: number): string[] {
  const found = new Set<string>();
  for (const t of tokens) {
    if (t.end > start && t.start < end) {
      ours(t.scopes).forEach((s) => found.add(s));
    }
  }
  return [...found];
}

describe('image-reference injection grammar', () => {
  before(async () => {
    registry = await createRegistry();
  });

  it('is a well-formed injection grammar with the agreed scope name and selector', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_FILES[INJECTION_SCOPE], 'utf8')) as {
      scopeName: string;
      injectionSelector: string;
    };
    assert.equal(raw.scopeName, INJECTION_SCOPE);
    assert.match(raw.injectionSelector, /string\.quoted\.double\.json/);
  });

  it('uses the scope names of the real VS Code JSON grammar (fixture sanity check)', async () => {
    const line = '{"TrainingImage": "hello"}';
    const tokens = await tokenizeLine('source.json', line);
    const key = scopesAt(tokens, line.indexOf('TrainingImage'));
    const value = scopesAt(tokens, line.indexOf('hello'));
    assert.ok(key.includes('support.type.property-name.json'), key.join(' '));
    assert.ok(value.includes('string.quoted.double.json'), value.join(' '));
    assert.ok(!key.includes('string.quoted.double.json'), key.join(' '));
  });

  it('scopes an ECR image with a tag: host, separators, repository, tag', async () => {
    const line = `{"TrainingImage": "${ECR_IMAGE}"}`;
    const tokens = await tokenizeLine('source.json', line);

    assertScoped(line, tokens, '683313688378.dkr.ecr.us-east-1.amazonaws.com', HOST);
    assertScoped(line, tokens, '683313688378', ACCOUNT);
    assertScoped(line, tokens, 'us-east-1', REGION);
    assertScoped(line, tokens, '/', PATH_SEP);
    assertScoped(line, tokens, 'sagemaker-xgboost', REPO);
    assertScoped(line, tokens, ':', TAG_SEP, 1); // occurrence 0 is the key/value colon
    assertScoped(line, tokens, '1.7-1', TAG);

    // The exact token texts, so a theme colours exactly these pieces.
    const pieces = tokens.filter((t) => ours(t.scopes).length > 0).map((t) => [t.text, ours(t.scopes).at(-1)]);
    assert.deepEqual(pieces, [
      ['683313688378', ACCOUNT],
      ['.dkr.ecr.', HOST],
      ['us-east-1', REGION],
      ['.amazonaws.com', HOST],
      ['/', PATH_SEP],
      ['sagemaker-xgboost', REPO],
      [':', TAG_SEP],
      ['1.7-1', TAG],
    ]);

    // Still a JSON string underneath, quotes are not ours, and no digest scope.
    for (let i = line.indexOf(ECR_IMAGE); i < line.indexOf(ECR_IMAGE) + ECR_IMAGE.length; i++) {
      assert.ok(scopesAt(tokens, i).includes('string.quoted.double.json'));
    }
    assert.deepEqual(ours(scopesAt(tokens, line.indexOf(ECR_IMAGE) - 1)), []);
    assert.deepEqual(ours(scopesAt(tokens, line.indexOf(ECR_IMAGE) + ECR_IMAGE.length)), []);
    assert.ok(!tokens.some((t) => t.scopes.includes(DIGEST)));
  });

  it('does not treat a "latest" tag as invalid', async () => {
    const image = '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-training:latest';
    const line = `{"Image": "${image}"}`;
    const tokens = await tokenizeLine('source.json', line);
    assertScoped(line, tokens, 'latest', TAG);
    assert.ok(!tokens.some((t) => t.scopes.some((s) => s.startsWith('invalid'))));
  });

  it('scopes a digest reference with a host port and a multi-component repository', async () => {
    const line = `{"Image": "${DIGEST_IMAGE}"}`;
    const tokens = await tokenizeLine('source.json', line);

    assertScoped(line, tokens, 'registry.example.com:5000', HOST);
    assertScoped(line, tokens, '5000', PORT);
    assertScoped(line, tokens, 'team/trainer', REPO);
    assertScoped(line, tokens, '/', PATH_SEP, 0); // host/repository
    assertScoped(line, tokens, '/', PATH_SEP, 1); // inside the repository path
    assertScoped(line, tokens, '@', DIGEST_SEP);
    assertScoped(line, tokens, `sha256:${HEX64}`, DIGEST);
    assert.ok(!tokens.some((t) => t.scopes.includes(TAG) || t.scopes.includes(TAG_SEP)));
  });

  it('scopes tag + digest together, and localhost / dotted hosts with ports', async () => {
    const cases: Array<[string, string, string]> = [
      [`public.ecr.aws/lambda/python:3.12@sha256:${HEX64}`, 'public.ecr.aws', 'lambda/python'],
      ['localhost:5000/my_model__v2:dev', 'localhost:5000', 'my_model__v2'],
      ['registry.example.com:5000/a.b-c/d:v1.0', 'registry.example.com:5000', 'a.b-c/d'],
    ];
    for (const [image, host, repo] of cases) {
      const line = `{"Image": "${image}"}`;
      const tokens = await tokenizeLine('source.json', line);
      assertScoped(line, tokens, host, HOST);
      assertScoped(line, tokens, repo, REPO);
      if (image.includes('@')) {
        assertScoped(line, tokens, '3.12', TAG);
        assertScoped(line, tokens, `sha256:${HEX64}`, DIGEST);
      }
    }
  });

  it('leaves strings that are not (entirely) image references untouched', async () => {
    const notImages = [
      'hello world',
      's3://bucket/key',
      'arn:aws:iam::123456789012:role/x',
      'ml.m5.xlarge',
      'python:3.11', // no registry host
      'library/python:3.11', // first component is not a host
      'see 683313688378.dkr.ecr.us-east-1.amazonaws.com/x:1 for details',
      'use 683313688378.dkr.ecr.us-east-1.amazonaws.com/x:1', // prose before the reference
      '\\"registry.example.com/x:1', // a JSON escape before the reference
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/x:1 ', // trailing space
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost', // neither tag nor digest
      '683313688378.dkr.ecr.us-east-1.amazonaws.com/Upper:1', // repositories are lowercase
      'https://registry.example.com/x:1',
      'registry.example.com:5000/team/trainer@sha256:abc', // digest too short
      '683313688378.dkr.ecr.us-east-1.amazonaws.com\\/x:1', // JSON escape inside
      '',
    ];
    for (const text of notImages) {
      const line = `{"Image": "${text}", "Other": ["${text}"]}`;
      const tokens = await tokenizeLine('source.json', line);
      assert.deepEqual(
        tokens.filter((t) => ours(t.scopes).length > 0).map((t) => `${t.text} ${ours(t.scopes).join(' ')}`),
        [],
        `"${text}" got our scopes`,
      );
    }
  });

  it('scopes values in arrays and nested objects, and leaves keys untouched', async () => {
    const text = [
      '{',
      '  "TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",',
      '  "Containers": [',
      `    { "Image": "${DIGEST_IMAGE}" },`,
      `    "${ECR_IMAGE}"`,
      '  ],',
      `  "${ECR_IMAGE}": 1`,
      '}',
    ].join('\n');
    const lines = text.split('\n');
    const tokenized = await tokenize('source.json', text);

    // Keys: "TrainingImage", "Containers", "Image" and even a key that *is* an image reference.
    for (const [lineNo, key] of [
      [1, 'TrainingImage'],
      [2, 'Containers'],
      [3, 'Image'],
      [6, ECR_IMAGE],
    ] as const) {
      const start = lines[lineNo].indexOf(`"${key}"`) + 1;
      const tokens = tokenized[lineNo];
      assert.ok(scopesAt(tokens, start).includes('support.type.property-name.json'));
      assert.deepEqual(ourScopesIn(tokens, start - 1, start + key.length + 1), [], `key ${key} got our scopes`);
    }

    assertScoped(lines[1], tokenized[1], 'sagemaker-xgboost', REPO);
    assertScoped(lines[3], tokenized[3], 'registry.example.com:5000', HOST);
    assertScoped(lines[4], tokenized[4], '1.7-1', TAG);
  });

  it('works in JSONC (comments, trailing commas) via source.json.comments', async () => {
    const text = [
      '// SageMaker CreateTrainingJob request',
      '{',
      '  /* the algorithm image */',
      `  "TrainingImage": "${ECR_IMAGE}", // pinned`,
      `  "Image": "${DIGEST_IMAGE}",`,
      '  "Note": "see 683313688378.dkr.ecr.us-east-1.amazonaws.com/x:1 for details",',
      '}',
    ].join('\n');
    const lines = text.split('\n');
    const tokenized = await tokenize('source.json.comments', text);

    assert.ok(scopesAt(tokenized[0], 0).some((s) => s.startsWith('comment.line')));
    const keyStart = lines[3].indexOf('TrainingImage');
    assert.ok(scopesAt(tokenized[3], keyStart).includes('support.type.property-name.json.comments'));
    assert.deepEqual(ourScopesIn(tokenized[3], 0, lines[3].indexOf(':')), []);

    const valueStart = lines[3].indexOf(ECR_IMAGE);
    assert.ok(scopesAt(tokenized[3], valueStart).includes('string.quoted.double.json.comments'));
    assertScoped(lines[3], tokenized[3], '683313688378.dkr.ecr.us-east-1.amazonaws.com', HOST);
    assertScoped(lines[3], tokenized[3], 'sagemaker-xgboost', REPO);
    assertScoped(lines[3], tokenized[3], '1.7-1', TAG);
    assert.deepEqual(ourScopesIn(tokenized[3], lines[3].indexOf('//'), lines[3].length), []);

    assertScoped(lines[4], tokenized[4], 'registry.example.com:5000', HOST);
    assertScoped(lines[4], tokenized[4], 'team/trainer', REPO);
    assertScoped(lines[4], tokenized[4], `sha256:${HEX64}`, DIGEST);

    assert.deepEqual(ourScopesIn(tokenized[5], 0, lines[5].length), []);
    for (const lineNo of [0, 1, 2, 6]) {
      assert.deepEqual(ourScopesIn(tokenized[lineNo], 0, lines[lineNo].length), []);
    }
  });

  it('the scopes come from the injection: without it the same JSON has none of them', async () => {
    const plain = await createRegistry(false);
    const [tokens] = await tokenize('source.json', `{"TrainingImage": "${ECR_IMAGE}"}`, plain);
    assert.ok(tokens.some((t) => t.scopes.includes('string.quoted.double.json')));
    assert.deepEqual(ourScopesIn(tokens, 0, Number.MAX_SAFE_INTEGER), []);
  });
});
