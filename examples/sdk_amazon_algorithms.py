"""The SageMaker Python SDK's Amazon algorithm estimators: hyperparameters are constructor arguments."""
import numpy as np
from sagemaker import KMeans, LinearLearner

role = "arn:aws:iam::123456789012:role/SageMakerRole"
train_array = np.random.rand(1000, 10).astype("float32")
labels = np.random.randint(0, 2, 1000).astype("float32")

# Checked as the SDK sends them: k is int(10), tol is float(0.001); feature_dim and
# mini_batch_size are filled by the SDK at fit() and never reported missing.
kmeans = KMeans(
    role=role,
    instance_count=1,
    instance_type="ml.c5.xlarge",
    k=10,
    init_method="kmeans++",
    max_iterations=50,
    tol=0.001,
)
kmeans.fit(kmeans.record_set(train_array))

linear = LinearLearner(
    role=role,
    instance_count=1,
    instance_type="ml.c5.xlarge",
    predictor_type="binary_classifier",
    use_bias=True,
)
linear.fit(linear.record_set(train_array, labels=labels))
