"""A framework version the SageMaker Python SDK does not have: the SDK fails when this line runs."""
from sagemaker.pytorch import PyTorch

estimator = PyTorch(
    entry_point="train.py",
    role="arn:aws:iam::123456789012:role/SageMakerRole",
    framework_version="2.99.0",
    py_version="py312",
    instance_count=1,
    instance_type="ml.g5.xlarge",
)
