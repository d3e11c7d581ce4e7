// First step of `npm test`: everything the tests need that npm ci does not install — Debian
// packages (Chromium, ripgrep, code-server's build headers, docker-registry, htpasswd, openssl)
// when running as root on Debian, moto, and code-server in .vscode-test/. Idempotent and quick
// when all is there; otherwise it says what to install.
import { ensureCodeServer, ensureSystemPackages } from './lib/code-server.mjs';
import { ensureMoto } from './lib/moto.mjs';

ensureSystemPackages();
ensureMoto();
await ensureCodeServer();
