// Certificates for the registry tests, made with openssl: a test CA and a server certificate for
// 127.0.0.1/localhost/::1 (the TLS mode, given to the client through caFile), and a self-signed
// EC key pair that signs the token service's JWTs (the registry's rootcertbundle).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CertificatePair {
  certFile: string;
  keyFile: string;
}

export interface TestCertificates {
  /** The test CA's certificate: what the client gets as caFile. */
  caFile: string;
  /** The registry's certificate, signed by the test CA, and its key. */
  server: CertificatePair;
}

function openssl(args: string[], cwd: string): void {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.error) throw new Error(`openssl is missing (${result.error.message}): apt-get install -y openssl`);
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr.trim()}`);
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** A test CA and a server certificate for the loopback names, in `dir`. */
export function makeTestCertificates(dir: string): TestCertificates {
  fs.mkdirSync(dir, { recursive: true });
  const caFile = path.join(dir, 'test-ca.crt');
  const caKey = path.join(dir, 'test-ca.key');
  openssl(['req', '-x509', ...EC_KEY, '-keyout', caKey, '-out', caFile, '-days', '2', '-subj', '/CN=SageMaker Spec test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  const server: CertificatePair = { certFile: path.join(dir, 'registry.crt'), keyFile: path.join(dir, 'registry.key') };
  const csr = path.join(dir, 'registry.csr');
  const extensions = path.join(dir, 'registry.ext');
  fs.writeFileSync(extensions, [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost',
    '',
  ].join('\n'));
  openssl(['req', '-new', ...EC_KEY, '-keyout', server.keyFile, '-out', csr, '-subj', '/CN=127.0.0.1'], dir);
  openssl(['x509', '-req', '-in', csr, '-CA', caFile, '-CAkey', caKey, '-CAcreateserial', '-out', server.certFile, '-days', '2', '-extfile', extensions], dir);
  return { caFile, server };
}

/** A self-signed EC P-256 key and certificate: `${prefix}.key`, `${prefix}.crt`. */
export function makeSigningCertificate(prefix: string): CertificatePair {
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  const pair = { certFile: `${prefix}.crt`, keyFile: `${prefix}.key` };
  openssl(['req', '-x509', ...EC_KEY, '-keyout', pair.keyFile, '-out', pair.certFile, '-days', '2', '-subj', '/CN=SageMaker Spec test token issuer'], path.dirname(prefix));
  return pair;
}
