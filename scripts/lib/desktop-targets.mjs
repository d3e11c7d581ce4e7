// Which desktop VS Code builds `npm run test:desktop` runs the integration suite in. Pure: no I/O
// beyond the `exists` check it is given, so test/unit/desktopTargets.test.ts covers every branch.

/** The one line printed (and a non-zero exit) when no VS Code is given and none may be downloaded. */
export const NEEDS_VSCODE =
  'test:desktop needs a desktop VS Code: set VSCODE_EXECUTABLE to its executable (several separated by ":", e.g. 1.100 and stable), or pass --download where VS Code can be downloaded (CI)';

/**
 * The runs to make, from the command line and the environment.
 * - `--download`: the minimum supported VS Code (`engines.vscode` in package.json) and stable,
 *   downloaded by @vscode/test-electron into .vscode-test/ (needs the internet; CI).
 * - else `VSCODE_EXECUTABLE`: one installed VS Code executable per entry (`:`-separated on POSIX,
 *   `;` on Windows), each run as it is.
 * Returns `{ runs: [{ label, version } | { label, vscodeExecutablePath }] }`, or `{ problem }`, one
 * line saying what is missing.
 *
 * @param {{ argv: string[], env: Record<string, string | undefined>, engine: string, delimiter: string, exists: (file: string) => boolean }} input
 *   `engine`: package.json's `engines.vscode` (`^1.100.0`).
 */
export function desktopTargets({ argv, env, engine, delimiter, exists }) {
  if (argv.includes('--download')) {
    const minimum = engine.replace(/^[\^~>=\s]+/, '');
    return {
      runs: [
        { label: `VS Code ${minimum} (minimum supported)`, version: minimum },
        { label: 'VS Code stable', version: 'stable' },
      ],
    };
  }
  const executables = (env.VSCODE_EXECUTABLE ?? '').split(delimiter).map((entry) => entry.trim()).filter(Boolean);
  if (executables.length === 0) return { problem: NEEDS_VSCODE };
  const missing = executables.find((file) => !exists(file));
  if (missing) return { problem: `test:desktop: VSCODE_EXECUTABLE names ${missing}, which does not exist; set it to an installed VS Code's executable, or pass --download (CI)` };
  return { runs: executables.map((file) => ({ label: `VS Code at ${file}`, vscodeExecutablePath: file })) };
}
