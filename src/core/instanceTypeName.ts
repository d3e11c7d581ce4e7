/**
 * The parts of a SageMaker instance type's name, `ml.<family><generation><options>.<size>`
 * (`ml.g4dn.xlarge`, `ml.m7i-flex.large`, `ml.p4d.24xlarge`), as EC2 names its instance types.
 * Read by the rules that judge an instance type by its family (processorRule: GPU or not) and by
 * the suggestions for one a member does not take (nearestInstanceTypes).
 */

/** `ml.<family><generation><options>.<size>`. */
const INSTANCE_TYPE = /^ml\.([a-z]+)(\d+)([a-z0-9-]*)\.(nano|micro|small|medium|large|(\d*)xlarge)$/;

/** Sizes below `xlarge`, in order; `xlarge` is the next step, and `Nxlarge` log2(N) steps above it. */
const SMALL_SIZES = ['nano', 'micro', 'small', 'medium', 'large'];

export interface InstanceTypeName {
  /** The letters before the generation: `m`, `g`, `inf`, `trn`. */
  family: string;
  generation: number;
  /** What follows the generation: `dn` in `g4dn`, `i-flex` in `m7i-flex`; empty for none. */
  options: string;
  /** The size on one scale: nano 0 … large 4, xlarge 5, 2xlarge 6, 4xlarge 7, 12xlarge ≈ 8.6. */
  size: number;
}

/** The parts of `name`; undefined when it is not written as an instance type (`ml.m5.xlarg`, `local`). */
export function parseInstanceType(name: string): InstanceTypeName | undefined {
  const match = INSTANCE_TYPE.exec(name);
  if (!match) return undefined;
  const [, family, generation, options, size, multiplier] = match;
  const step = size.endsWith('xlarge') ? SMALL_SIZES.length + Math.log2(multiplier ? Number(multiplier) : 1) : SMALL_SIZES.indexOf(size);
  return { family, generation: Number(generation), options, size: step };
}
