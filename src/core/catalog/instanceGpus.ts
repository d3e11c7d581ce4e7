// Query API over data/instance-gpus.json (instance type → GPU facts). Pure: no I/O.

import type { InstanceGpuData, InstanceGpuInfo } from './catalogData';

export class InstanceGpuTable {
  private readonly byType: ReadonlyMap<string, InstanceGpuInfo>;

  constructor(data: InstanceGpuData) {
    this.byType = new Map(Object.entries(data.instances));
  }

  /** GPU count of an instance type (`ml.p4d.24xlarge` → 8), or undefined when the SDK table lacks it. */
  gpuCount(instanceType: string): number | undefined {
    return this.byType.get(instanceType)?.gpus;
  }

  /** GPU count and total GPU memory, or undefined. */
  info(instanceType: string): InstanceGpuInfo | undefined {
    return this.byType.get(instanceType);
  }

  /** Instance types listed, in file order (family, then size). */
  instanceTypes(): string[] {
    return [...this.byType.keys()];
  }
}
