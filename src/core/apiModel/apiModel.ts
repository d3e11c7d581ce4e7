/**
 * Query API over data/api-model.json. Shapes are linked once in the constructor (a member points
 * at its shape object, not at a name), so validation walks the tree with no look-ups by name.
 * Pure: no I/O.
 */
import type { SpecKind } from '../specKind';
import type { ApiModelData, ApiModelSource, ShapeData } from './apiModelData';

/** The response of a request kind's Describe operation (`DescribeTrainingJob` for CreateTrainingJob). */
export interface DescribeResponse {
  /** `DescribeTrainingJob`. */
  readonly operation: string;
  /** The resource's ARN member (`TrainingJobArn`). */
  readonly arnMember: string;
  /** Every member of the response: many are the request's too (`RoleArn`), the rest only report (`TrainingJobStatus`). */
  readonly members: ReadonlySet<string>;
}

export interface StructureShape {
  readonly type: 'structure';
  readonly name: string;
  readonly members: ReadonlyMap<string, Shape>;
  readonly required: ReadonlySet<string>;
  /** Required members in model order (fixes and completion list them in this order). */
  readonly requiredList: readonly string[];
  readonly min?: undefined;
  readonly max?: undefined;
}

export interface ListShape {
  readonly type: 'list';
  readonly name: string;
  member: Shape;
  readonly min?: number;
  readonly max?: number;
}

export interface MapShape {
  readonly type: 'map';
  readonly name: string;
  key: Shape;
  value: Shape;
  readonly min?: number;
  readonly max?: number;
}

export interface StringShape {
  readonly type: 'string';
  readonly name: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  /** The enum as a set, for O(1) checks on long enums (151 instance types). */
  readonly enumSet?: ReadonlySet<string>;
  /**
   * On an enum of ML instance types (a `…InstanceType` shape of `ml.…` values): every instance
   * type any member of the model takes, one set shared by those shapes. A value in it is a real
   * instance type this member does not take, not a typo (see nearestInstanceTypes).
   */
  readonly knownInstanceTypes?: ReadonlySet<string>;
}

export interface NumberShape {
  readonly type: 'integer' | 'long' | 'float' | 'double';
  readonly name: string;
  readonly min?: number;
  readonly max?: number;
}

export interface BooleanShape {
  readonly type: 'boolean';
  readonly name: string;
  readonly min?: undefined;
  readonly max?: undefined;
}

export type Shape = StructureShape | ListShape | MapShape | StringShape | NumberShape | BooleanShape;

/** One step into a spec: a member name, or an array index / map key where the shape has one. */
export type PathSegment = string | number;

export class ApiModel {
  readonly source: ApiModelSource;
  private readonly shapes = new Map<string, Shape>();
  private readonly operations = new Map<string, Shape>();
  private readonly describeResponses = new Map<string, DescribeResponse>();

  constructor(data: ApiModelData) {
    this.source = data.source;
    // Two phases: create every shape, then link members (shapes can refer to themselves).
    for (const [name, shape] of Object.entries(data.shapes)) this.shapes.set(name, createShape(name, shape));
    for (const [name, shape] of Object.entries(data.shapes)) this.link(this.shapes.get(name)!, shape);
    shareKnownInstanceTypes(this.shapes.values());
    for (const [operation, input] of Object.entries(data.operations)) this.operations.set(operation, this.shape(input));
    for (const [operation, response] of Object.entries(data.describeResponses ?? {})) {
      this.describeResponses.set(operation, { operation: response.operation, arnMember: response.arnMember, members: new Set(response.members) });
    }
  }

  /** The response of the Describe operation of `kind`, when the model has it. */
  describeResponse(kind: SpecKind): DescribeResponse | undefined {
    return this.describeResponses.get(kind);
  }

  /** The input shape of a request kind. */
  inputShape(kind: SpecKind): StructureShape | undefined {
    const shape = this.operations.get(kind);
    return shape?.type === 'structure' ? shape : undefined;
  }

  shape(name: string): Shape {
    const shape = this.shapes.get(name);
    if (!shape) throw new Error(`api-model: unknown shape ${name}`);
    return shape;
  }

  /**
   * The shape reached by following `path` from the input shape of `kind`: member names through
   * structures, anything through lists (index) and maps (key). Undefined when the path leaves the model.
   */
  shapeAt(kind: SpecKind, path: readonly PathSegment[]): Shape | undefined {
    let shape: Shape | undefined = this.inputShape(kind);
    for (const segment of path) {
      if (!shape) return undefined;
      if (shape.type === 'structure') shape = typeof segment === 'string' ? shape.members.get(segment) : undefined;
      else if (shape.type === 'list') shape = shape.member;
      else if (shape.type === 'map') shape = shape.value;
      else return undefined;
    }
    return shape;
  }

  private link(shape: Shape, data: ShapeData): void {
    if (shape.type === 'structure' && data.type === 'structure') {
      const members = shape.members as Map<string, Shape>;
      for (const [member, target] of Object.entries(data.members)) members.set(member, this.shape(target));
    } else if (shape.type === 'list' && data.type === 'list') {
      shape.member = this.shape(data.member);
    } else if (shape.type === 'map' && data.type === 'map') {
      shape.key = this.shape(data.key);
      shape.value = this.shape(data.value);
    }
  }
}

const UNLINKED = undefined as unknown as Shape;

/** Gives every instance type enum among `shapes` the union of them all (StringShape.knownInstanceTypes). */
function shareKnownInstanceTypes(shapes: Iterable<Shape>): void {
  const instanceTypeEnums = [...shapes].filter((shape): shape is StringShape => shape.type === 'string' && isInstanceTypeEnum(shape));
  const known = new Set(instanceTypeEnums.flatMap((shape) => shape.enum!));
  for (const shape of instanceTypeEnums) (shape as { knownInstanceTypes?: ReadonlySet<string> }).knownInstanceTypes = known;
}

/** True for an enum of ML instance types (`ml.…` values of a shape named `…InstanceType`). */
export function isInstanceTypeEnum(shape: StringShape): boolean {
  return shape.enum !== undefined && /InstanceType$/.test(shape.name) && shape.enum.every((value) => value.startsWith('ml.'));
}

function createShape(name: string, data: ShapeData): Shape {
  switch (data.type) {
    case 'structure':
      return { type: 'structure', name, members: new Map(), required: new Set(data.required ?? []), requiredList: data.required ?? [] };
    case 'list':
      return { type: 'list', name, member: UNLINKED, min: data.min, max: data.max };
    case 'map':
      return { type: 'map', name, key: UNLINKED, value: UNLINKED, min: data.min, max: data.max };
    case 'string':
      return { type: 'string', name, min: data.min, max: data.max, pattern: data.pattern, enum: data.enum, enumSet: data.enum ? new Set(data.enum) : undefined };
    case 'boolean':
      return { type: 'boolean', name };
    default:
      return { type: data.type, name, min: data.min, max: data.max };
  }
}
