import * as assert from 'node:assert/strict';
import { isSensitiveKey, redactSecrets } from '../../src/core/launch/redact';

/** Made-up base64 of a given length, the same on every run (a linear congruential generator). */
function fakeBase64(seed: number, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let state = seed;
  let text = '';
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += alphabet[state % 64];
  }
  return text;
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** How a secret of each kind sits in prose, in a URL, in JSON and in multi-line error text. */
interface Carriers {
  inline: (secret: string) => string;
  url: (secret: string) => string;
  json: (secret: string) => string;
  multiline: (secret: string) => string;
}

/** For secrets recognisable by their shape alone: no helpful key next to them. */
const bare: Carriers = {
  inline: (secret) => `Pull failed: the registry rejected ${secret} for team/trainer.`,
  url: (secret) => `GET https://registry.example.com/v2/team/trainer/tags/list?n=50&value=${secret}&last=1 returned 401`,
  json: (secret) => `{"errors":[{"code":"DENIED","message":"requested access denied","detail":"${secret}"}]}`,
  multiline: (secret) => `Error: could not list tags\n    credential ${secret}\n    at RegistryClient.get (registryClient.js:10:5)`,
};

interface Kind {
  kind: string;
  secrets: string[];
  carriers: Carriers;
  /** Text that must remain, in every carrier (the word saying what was scrubbed). */
  kept?: string;
}

/** A PEM block whose first body line is `body`, lines separated by `newline`. */
const pem = (label: string, body: string, newline: string) =>
  `-----BEGIN ${label}-----${newline}${body}${newline}${fakeBase64(body.length, 64)}${newline}${fakeBase64(7, 20)}==${newline}-----END ${label}-----`;

const KINDS: Kind[] = [
  {
    kind: 'Basic Authorization header',
    secrets: [base64('robot:hunter2-Xy'), base64('AWS:s3cr3t-pass'), base64('deploy:correct horse battery')],
    carriers: {
      inline: (secret) => `curl -H 'Authorization: Basic ${secret}' answered 401`,
      url: (secret) => `https://registry.example.com/v2/_catalog?authorization=Basic ${secret}`,
      json: (secret) => `{"headers": {"authorization": "Basic ${secret}", "accept": "application/json"}}`,
      multiline: (secret) => `GET /v2/ HTTP/1.1\nHost: registry.example.com\nAUTHORIZATION: basic ${secret}\nAccept: */*`,
    },
    kept: 'asic …',
  },
  {
    kind: 'Bearer Authorization header',
    secrets: ['2YotnFZFEjr1zCsicMWpAA7xQ', 'mF_9.B5f-4.1JqM-fake-token-7731', 'tok_9fJ2kLq8ZxW3vR5tY1uP0aB'],
    carriers: {
      inline: (secret) => `the registry refused Bearer ${secret} (expired)`,
      url: (secret) => `https://registry.example.com/v2/team/trainer/manifests/1?authorization=Bearer%20${secret}`,
      json: (secret) => `{"Authorization":"Bearer ${secret}"}`,
      multiline: (secret) => `request failed\nauthorization: Bearer ${secret}\nstatus: 401`,
    },
  },
  {
    kind: 'password in a URL',
    secrets: ['hunter2-Xy', 'p%40ssw0rd!', 's3cr3tP4ss'],
    carriers: {
      inline: (secret) => `cannot reach https://admin:${secret}@registry.example.com:5000/v2/ (timeout)`,
      url: (secret) => `https://robot:${secret}@registry.example.com/v2/`,
      json: (secret) => `{"endpoint": "https://deploy:${secret}@git.example.com/team/repo.git"}`,
      multiline: (secret) => `fatal: unable to access\n  'https://ci-user:${secret}@git.example.com/team/repo.git/'\n  The requested URL returned error: 403`,
    },
    kept: '://…@',
  },
  {
    kind: 'AWS access key id',
    secrets: ['AKIAIOSFODNN7EXAMPLE', 'ASIAY34FZKBOKMUTVV7A', 'AKIA2E0A8F3B244C9986'],
    carriers: bare,
  },
  {
    kind: 'secret access key',
    secrets: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', 'Zx9Q3b+Lk2Vt8Rm4Yp1Wq6Ns0Jd5Hc7Gf2Ea3Xb1'],
    carriers: bare,
  },
  {
    kind: 'session token',
    secrets: [`FwoGZXIvYXdzE${fakeBase64(1, 300)}`, `IQoJb3JpZ2luX2VjE${fakeBase64(2, 600)}==`, fakeBase64(3, 180)],
    carriers: bare,
  },
  {
    kind: 'X-Amz query parameter',
    secrets: ['fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024', `IQoJb3JpZ2lu${fakeBase64(4, 90)}`, 'AKIDEXAMPLE%2F20261129%2Fus-east-1%2Fs3%2Faws4_request'],
    carriers: {
      inline: (secret) => `presigned with X-Amz-Signature=${secret} expired`,
      url: (secret) => `https://bucket.s3.amazonaws.com/model.tar.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${secret}&X-Amz-Security-Token=${secret}&X-Amz-Signature=${secret}`,
      json: (secret) => `{"url": "https://bucket.s3.amazonaws.com/x?X-Amz-Security-Token=${secret}&X-Amz-Expires=300"}`,
      multiline: (secret) => `AccessDenied\n  Request: GET /x?X-Amz-Credential=${secret}\n  at S3`,
    },
    kept: 'X-Amz-',
  },
  {
    kind: 'ECR authorization token',
    secrets: [base64(`AWS:${base64(JSON.stringify({ payload: fakeBase64(5, 400), datakey: fakeBase64(6, 200), version: '2' }))}`), base64(`AWS:${fakeBase64(7, 120)}`), base64(`AWS:${fakeBase64(8, 60)}`)],
    carriers: {
      inline: (secret) => `docker login -u AWS -p ${secret} 123456789012.dkr.ecr.us-east-1.amazonaws.com failed`,
      url: (secret) => `https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/?token=${secret}`,
      json: (secret) => `{"authorizationData": [{"authorizationToken": "${secret}", "proxyEndpoint": "https://123456789012.dkr.ecr.us-east-1.amazonaws.com"}]}`,
      multiline: (secret) => `GetAuthorizationToken returned\n${secret}\nbut login failed`,
    },
  },
  {
    kind: 'registry password',
    secrets: ['correct-horse-battery', 'S3cure!Pass#2026', 'p@ssw0rd'],
    carriers: {
      inline: (secret) => `docker login --password ${secret} registry.example.com failed`,
      url: (secret) => `https://registry.example.com/token?service=registry&password=${secret}&scope=repository:team/trainer:pull`,
      json: (secret) => `{"username": "robot", "password": "${secret}", "serveraddress": "registry.example.com"}`,
      multiline: (secret) => `Error: login failed\n  secret=${secret}\n  token: ${secret}\n  REGISTRY_PASSWORD="${secret}"`,
    },
  },
  {
    kind: 'GitHub token',
    secrets: [`ghp_${fakeBase64(9, 36).replace(/[+/]/g, 'x')}`, `ghs_${fakeBase64(10, 36).replace(/[+/]/g, 'y')}`, `github_pat_11ABCDEFG0${fakeBase64(11, 72).replace(/[+/]/g, '_')}`, `gho_${fakeBase64(12, 36).replace(/[+/]/g, 'z')}`],
    carriers: {
      ...bare,
      url: (secret) => `fatal: could not read from https://${secret}@github.com/team/repo.git`,
    },
  },
  {
    kind: 'Hugging Face token',
    secrets: [`hf_${fakeBase64(13, 34).replace(/[+/]/g, 'q')}`, `hf_${fakeBase64(14, 34).replace(/[+/]/g, 'r')}`, `hf_${fakeBase64(15, 37).replace(/[+/]/g, 's')}`],
    carriers: bare,
  },
  {
    kind: 'JWT',
    secrets: [
      `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url('{"sub":"robot","exp":1795000000}')}.${fakeBase64(16, 43).replace(/\+/g, '-').replace(/\//g, '_')}`,
      `${base64url('{"alg":"RS256","kid":"k1"}')}.${base64url('{"iss":"https://auth.example.com","access":[{"type":"repository"}]}')}.${fakeBase64(17, 342).replace(/\+/g, '-').replace(/\//g, '_')}`,
      `${base64url('{"typ":"JWT","alg":"ES256"}')}.${base64url('{"aud":"registry"}')}.${fakeBase64(18, 86).replace(/\+/g, '-').replace(/\//g, '_')}`,
    ],
    carriers: bare,
  },
  {
    kind: 'PEM private key',
    secrets: [fakeBase64(19, 64), fakeBase64(29, 64), fakeBase64(39, 64)],
    carriers: {
      inline: (secret) => `bad key ${pem('RSA PRIVATE KEY', secret, ' ')} in config`,
      url: (secret) => `https://vault.example.com/v1/keys?pem=${pem('PRIVATE KEY', secret, '%0A')}&version=2`,
      json: (secret) => `{"private_key_pem": "${pem('EC PRIVATE KEY', secret, '\\n')}\\n", "id": 1}`,
      multiline: (secret) => `Error: cannot parse\n${pem('OPENSSH PRIVATE KEY', secret, '\n')}\nat load (keys.js:1:1)`,
    },
  },
];

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

describe('redactSecrets: secrets of every kind', () => {
  for (const { kind, secrets, carriers, kept } of KINDS) {
    for (const [carrierName, carrier] of Object.entries(carriers) as [keyof Carriers, (secret: string) => string][]) {
      it(`${kind}, ${carrierName}: ${secrets.length} variants scrubbed`, () => {
        for (const secret of secrets) {
          const text = carrier(secret);
          const redacted = redactSecrets(text);
          // The secret, and any 12-character piece of it, is gone.
          for (let start = 0; start + 12 <= secret.length; start += 6) {
            const piece = secret.slice(start, start + 12);
            assert.ok(!redacted.includes(piece), `${piece} left in ${redacted}`);
          }
          if (secret.length < 12) assert.ok(!redacted.includes(secret), `${secret} left in ${redacted}`);
          assert.ok(redacted.includes('…'), redacted);
          if (kept) assert.ok(redacted.includes(kept), `${kept} missing from ${redacted}`);
          assert.equal(redactSecrets(redacted), redacted, 'scrubbing twice changes nothing more');
        }
      });
    }
  }

  it('keeps the label of a scrubbed part: what was there, not what it was', () => {
    assert.equal(redactSecrets('Authorization: Basic ' + base64('robot:hunter2')), 'Authorization: Basic …');
    assert.equal(redactSecrets('{"authorization": "Bearer 2YotnFZFEjr1zCsicMWpAA7xQ"}'), '{"authorization": "Bearer …"}');
    assert.equal(redactSecrets('https://robot:hunter2@registry.example.com/v2/'), 'https://…@registry.example.com/v2/');
    assert.equal(redactSecrets('key AKIAIOSFODNN7EXAMPLE'), 'key AKIA…');
    assert.equal(redactSecrets('{"username": "robot", "password": "hunter2"}'), '{"username": "robot", "password": "…"}');
    assert.equal(redactSecrets('docker login --password hunter2 -u robot'), 'docker login --password … -u robot');
    assert.equal(redactSecrets('?X-Amz-Signature=fe5f80f7&X-Amz-Expires=300'), '?X-Amz-Signature=…&X-Amz-Expires=300');
    assert.equal(redactSecrets(`x ${pem('RSA PRIVATE KEY', fakeBase64(1, 64), '\n')} y`), 'x -----BEGIN RSA PRIVATE KEY----- … -----END RSA PRIVATE KEY----- y');
    assert.equal(redactSecrets('Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261129/us-east-1/sagemaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3be'), 'Authorization: AWS4-HMAC-SHA256 …, SignedHeaders=host;x-amz-date, Signature=…');
  });

  it('scrubs a private key cut off before its END line', () => {
    const text = `key:\n-----BEGIN PRIVATE KEY-----\n${fakeBase64(3, 64)}\n${fakeBase64(4, 30)}`;
    assert.equal(redactSecrets(text), 'key:\n-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----');
  });

  it('scrubs a password inside a harmless quoted value', () => {
    assert.equal(redactSecrets('{"message": "login failed, password: hunter2 rejected"}'), '{"message": "login failed, password: … rejected"}');
  });
});

describe('redactSecrets: text that must survive unchanged', () => {
  const negatives = [
    `123456789012.dkr.ecr.us-east-1.amazonaws.com/team/trainer@sha256:${'c0ffee12'.repeat(8)}`,
    `pinned to sha256:9b2a6f3c1d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8`,
    'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole-20261129T163603',
    'arn:aws:iam::123456789012:role/SageMakerExecutionRoleForTrainingJobs2026',
    'arn:aws:lambda:us-east-1:123456789012:function:registry-credentials-provider',
    'arn:aws:sagemaker:us-east-1:123456789012:training-job/xgboost-churn-2026-11-29-16-36-03-123',
    'Account 123456789012 in eu-west-1; account ids 210987654321 and 000000000000.',
    'Training job demo-job: Status: Completed',
    'TrainingJobName: xgboost-churn-2026-11-29-16-36-03-123',
    '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
    '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.1.0-gpu-py310-cu121-ubuntu20.04-sagemaker',
    's3://sagemaker-us-east-1-123456789012/xgboost-churn/output/model.tar.gz',
    's3://my-bucket/datasets/ImageNet/train/Shard0001/Images/Part0001/Batch0002/Sample0003/Pixels0004/file.rec',
    'ValidationException: 1 validation error detected: Value \'ml.m5.big\' at \'resourceConfig.instanceType\' failed to satisfy constraint: Member must satisfy enum value set: [ml.m5.large, ml.m5.xlarge]',
    'ValidationException: Could not find model data at s3://bucket/model.tar.gz.',
    'ExpiredTokenException: The security token included in the request is expired',
    'UnrecognizedClientException: The security token included in the request is invalid.',
    'AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/Admin/alice is not authorized to perform: sagemaker:CreateTrainingJob on resource: arn:aws:sagemaker:us-east-1:123456789012:training-job/demo',
    'ResourceLimitExceeded: The account-level service limit \'ml.p3.2xlarge for training job usage\' is 0 Instances.',
    'CredentialsProviderError: Could not load credentials from any providers',
    'Unable to load credentials: no profile named "research" in ~/.aws/config',
    'Basic authentication is required by registry.example.com; run "Sign in to Registry".',
    '{"NextToken": "AAMA-EFRSURBSGl", "ClientToken": "5f3a9b2c-7d1e-4f6a-8b9c-0d1e2f3a4b5c"}',
    '"RepositoryCredentialsProviderArn": "arn:aws:lambda:us-east-1:123456789012:function:creds"',
    'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 (HEAD -> main)',
    'https://registry.example.com:5000/v2/team/trainer/tags/list?n=100&last=v1.2.3',
  ];
  for (const text of negatives) {
    it(text.slice(0, 90), () => assert.equal(redactSecrets(text), text));
  }
});

describe('redactSecrets: linear time', () => {
  // Each is 1 MB shaped to make a backtracking pattern retry from every position. Together they
  // finish well inside mocha's timeout only if every pattern is linear.
  const MB = 1 << 20;
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const cases: [string, string][] = [
    ['letters', fill('a')],
    ['base64 without end', fill('Ab1+')],
    ['JWT starts', fill('eyJ')],
    ['JWT segments', fill('eyJabcd.')],
    ['PEM headers without END', fill('-----BEGIN PRIVATE KEY-----')],
    ['URL schemes', fill('a://')],
    ['URL user information without host', `https://${fill('u')}`],
    ['keys without values', fill('password=')],
    ['quoted keys', fill('"password":"')],
    ['harmless keys', fill('a=a=')],
    ['authorization words', fill('Authorization: ')],
    ['Basic words', fill('Basic QUFBQUFBQUFB')],
    ['token prefixes', fill('ghp_AKIAhf_')],
    ['session token prefix', `FwoGZXIvYXdz${fill('A')}`],
    ['words and spaces', fill('credential token ')],
  ];
  for (const [name, text] of cases) {
    it(`1 MB of ${name}`, () => {
      const started = Date.now();
      const redacted = redactSecrets(text);
      assert.ok(redacted.length <= text.length + 64);
      assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
    });
  }
});

describe('isSensitiveKey', () => {
  it('reads the last word of a key', () => {
    for (const key of ['password', 'REGISTRY_PASSWORD', 'authorizationToken', 'SecretAccessKey', 'aws_session_token', 'X-Amz-Security-Token', 'api-key', 'HFToken', 'auth', 'client_secret']) assert.ok(isSensitiveKey(key), key);
    for (const key of ['NextToken', 'ClientToken', 'AccessKeyId', 'RepositoryCredentialsProviderArn', 'TrainingJobName', 'authorization', 'author', 'KmsKeyId']) assert.ok(!isSensitiveKey(key), key);
  });
});
