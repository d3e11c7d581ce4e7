/**
 * A framework model compiled with SageMaker Neo. v2's `Model.compile(target_instance_family, …)`
 * runs a compilation job and, for an `ml_*` target other than `ml_eia2`, sets the model's
 * `image_uri` to the job's `InferenceImage` and returns the model itself; the framework's
 * `prepare_container_def` then uses that image and never resolves its own inference image
 * (`PyTorchModel(framework_version="1.5.1")` compiled for `ml_inf1` deploys Neo's Inferentia
 * image, though PyTorch 1.5.1 has only an EIA inference image). Other targets (edge devices,
 * `target_platform_os`) are not deployed through SageMaker.
 */
import type { ModelCalls } from './pythonModelCalls';
import type { PythonValues } from './pythonValues';

/** The one `ml_*` target whose compilation leaves the model's image alone (`Model.compile`). */
const IMAGE_KEEPING_TARGET = 'ml_eia2';

/**
 * True when a `compile(…)` call that is or may be on the model (`calls`, from callsOnModel with
 * `compile`) has any target but a literal `ml_eia2`: the model then serves Neo's image (or is not
 * deployed through SageMaker at all). A compile anywhere in the file counts, before or after a
 * deploy: the model's own inference image is then not judged.
 */
export function compiledWithNeo(values: PythonValues, calls: ModelCalls): boolean {
  return [...calls.own, ...calls.untied].some(({ arguments: { keywords } }) => {
    const target = keywords.get('target_instance_family');
    const node = target && values.node(target, undefined);
    return !(node?.type === 'string' && !node.dynamic && node.value === IMAGE_KEEPING_TARGET);
  });
}
