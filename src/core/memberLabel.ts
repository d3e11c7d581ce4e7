/** `['Tags', 0, 'Value']` → `Tags[0].Value`: a member path inside a request as messages name it. */
export function memberLabel(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}
