/**
 * The instance types to suggest for one a member does not take. A typo (`ml.m5.xlarg`) is a
 * spelling away from what was meant, and closestMatches finds it. A real instance type the member
 * does not take (`ml.t2.medium` for a transform job, which has no burstable or medium instances)
 * is not a typo of anything: by spelling its nearest is `ml.p2.xlarge`, a GPU instance, an
 * expensive guess. For those the suggestions are the member's instance types most like it: the
 * same family (`m`), else one of the same kind (general purpose, compute, memory, accelerated;
 * burstable `t` reads as general purpose), of the nearest size, then the nearest generation of the
 * same family or the newest of another.
 */
import { closestMatches } from './closestMatches';
import { parseInstanceType } from './instanceTypeName';

/** The families of each kind, as EC2 groups them; burstable `t` is general purpose. */
const KIND_OF_FAMILY: Readonly<Record<string, string>> = {
  m: 'general',
  t: 'general',
  c: 'compute',
  r: 'memory',
  x: 'memory',
  z: 'memory',
  p: 'accelerated',
  g: 'accelerated',
  inf: 'accelerated',
  trn: 'accelerated',
  dl: 'accelerated',
};

/**
 * Up to `count` of `allowed` (instance type names, `ml.…`) to suggest for `value`, nearest first.
 * `known`: every instance type SageMaker names (the API model's instance type enums, see
 * StringShape.knownInstanceTypes). A value in it is a real instance type the member does not take,
 * answered with the most alike by family, kind, size and generation (see above); any other value
 * (a typo, or no instance type at all) with closestMatches' answer. Pure; the family kinds are
 * EC2's naming (general purpose m/t, compute c, memory r/x/z, accelerated p/g/inf/trn/dl).
 */
export function nearestInstanceTypes(value: string, allowed: readonly string[], count: number, known: ReadonlySet<string>): string[] {
  const wanted = known.has(value) ? parseInstanceType(value) : undefined;
  if (!wanted) return closestMatches(value, allowed, count);
  const wantedKind = KIND_OF_FAMILY[wanted.family];
  const ranked: { name: string; key: number[] }[] = [];
  for (const name of allowed) {
    const candidate = parseInstanceType(name);
    if (!candidate) continue;
    const sameFamily = candidate.family === wanted.family;
    const sameKind = wantedKind !== undefined && KIND_OF_FAMILY[candidate.family] === wantedKind;
    ranked.push({
      name,
      key: [
        sameFamily ? 0 : sameKind ? 1 : 2,
        Math.abs(candidate.size - wanted.size),
        // Within the family the nearest generation (`ml.m6.large` meant `ml.m6i.large`); elsewhere the newest.
        sameFamily ? Math.abs(candidate.generation - wanted.generation) : -candidate.generation,
        candidate.options === wanted.options ? 0 : 1,
      ],
    });
  }
  ranked.sort((a, b) => compareKeys(a.key, b.key));
  return ranked.slice(0, count).map((entry) => entry.name);
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index] - b[index];
  return 0;
}
