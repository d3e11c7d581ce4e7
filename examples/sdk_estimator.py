"""The SageMaker Python SDK: image URIs by name and version, and estimators given an image."""
import sagemaker
from sagemaker import image_uris
from sagemaker.estimator import Estimator
from sagemaker.pytorch import PyTorch
from sagemaker.tuner import ContinuousParameter, HyperparameterTuner, IntegerParameter

session = sagemaker.Session()
role = "arn:aws:iam::123456789012:role/SageMakerRole"

# Checked as the SDK checks it at run time: framework, version, scope and region.
xgboost_image = image_uris.retrieve("xgboost", "us-east-1", version="1.7-1")

estimator = Estimator(
    image_uri="683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
    role=role,
    instance_count=1,
    instance_type="ml.m5.xlarge",
)
# The built-in algorithm's hyperparameters, checked as the strings the SDK sends (str(100) is "100").
estimator.set_hyperparameters(objective="binary:logistic", num_round=100)

# The tuner's objective (a metric the algorithm emits, in its direction) and ranges (tunable
# hyperparameters, within their bounds), checked as a tuning job's.
tuner = HyperparameterTuner(
    estimator,
    objective_metric_name="validation:auc",
    hyperparameter_ranges={"eta": ContinuousParameter(0.1, 0.5), "max_depth": IntegerParameter(3, 10)},
    objective_type="Maximize",
    max_jobs=10,
)

pytorch_estimator = PyTorch(
    entry_point="train.py",
    role=role,
    framework_version="2.8.0",
    py_version="py312",
    instance_count=1,
    instance_type="ml.g5.xlarge",
)
