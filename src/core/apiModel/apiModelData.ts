/**
 * The format of data/api-model.json, written by scripts/generate-api-model.mjs: the input shapes of
 * the Create operations we serve, with facts only (no AWS documentation text), and the member
 * names of each one's Describe response.
 */

export interface ApiModelSource {
  readonly apiVersion: string;
  readonly repository?: string;
  readonly commit?: string;
  readonly botocoreVersion?: string;
  readonly path?: string;
  readonly gitBlob?: string;
}

interface ShapeDataBase {
  readonly min?: number;
  readonly max?: number;
}

export interface StructureShapeData extends ShapeDataBase {
  readonly type: 'structure';
  readonly required?: readonly string[];
  /** Member name → shape name. */
  readonly members: Readonly<Record<string, string>>;
}

export interface ListShapeData extends ShapeDataBase {
  readonly type: 'list';
  readonly member: string;
}

export interface MapShapeData extends ShapeDataBase {
  readonly type: 'map';
  readonly key: string;
  readonly value: string;
}

export interface StringShapeData extends ShapeDataBase {
  readonly type: 'string';
  /** Unanchored and Java-flavoured, as in the service model. */
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

export interface NumberShapeData extends ShapeDataBase {
  readonly type: 'integer' | 'long' | 'float' | 'double';
}

export interface BooleanShapeData extends ShapeDataBase {
  readonly type: 'boolean';
}

export type ShapeData = StructureShapeData | ListShapeData | MapShapeData | StringShapeData | NumberShapeData | BooleanShapeData;

/** What the Describe operation of a Create operation returns (`aws sagemaker describe-training-job`). */
export interface DescribeResponseData {
  /** `DescribeTrainingJob`. */
  readonly operation: string;
  /** The resource's ARN (`TrainingJobArn`): what the Create operation returns, and the response requires. */
  readonly arnMember: string;
  /** Every member name of the response, sorted. */
  readonly members: readonly string[];
}

export interface ApiModelData {
  readonly source: ApiModelSource;
  /** Operation name (`CreateTrainingJob`) → its input shape's name. */
  readonly operations: Readonly<Record<string, string>>;
  /** Operation name (`CreateTrainingJob`) → its Describe operation's response. */
  readonly describeResponses: Readonly<Record<string, DescribeResponseData>>;
  readonly shapes: Readonly<Record<string, ShapeData>>;
}
