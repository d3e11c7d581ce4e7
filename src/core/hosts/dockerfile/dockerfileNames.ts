/**
 * Which files are Dockerfiles: the names VS Code gives the `dockerfile` language (and `docker
 * build -f` users pick): `Dockerfile`, `Containerfile`, `Dockerfile.<variant>`,
 * `<variant>.Dockerfile`, `*.containerfile`, in any letter case.
 */

/** Folder-expansion globs of the checker (tinyglobby, case-sensitive: both usual spellings). */
export const DOCKERFILE_GLOBS = [
  '**/{Dockerfile,dockerfile,Containerfile,containerfile}',
  '**/{Dockerfile,dockerfile,Containerfile,containerfile}.*',
  '**/*.{Dockerfile,dockerfile,Containerfile,containerfile}',
];

const DOCKERFILE_NAME = /^(?:(?:dockerfile|containerfile)(?:\..+)?|.+\.(?:dockerfile|containerfile))$/i;

/** True when the file's name (the last path segment; `/` or `\` separated) is a Dockerfile's. */
export function isDockerfileName(file: string): boolean {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return DOCKERFILE_NAME.test(name);
}
