/**
 * The possessive of a name a user wrote (a mapping, a parameter, an ARG) in a message:
 * `XgbAccounts'` for a name ending in s, as English writes plurals, else `XgbAccount's`.
 */
export function possessive(name: string): string {
  return /[sS]$/.test(name) ? `${name}'` : `${name}'s`;
}
