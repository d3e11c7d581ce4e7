"""A K-Means job the algorithm would refuse inside its container: init_method is random or kmeans++."""
from sagemaker import KMeans

role = "arn:aws:iam::123456789012:role/SageMakerRole"

kmeans = KMeans(
    role=role,
    instance_count=1,
    instance_type="ml.c5.xlarge",
    k=10,
    init_method="kmeans+",  # the quick fix changes it to "kmeans++"
)
kmeans.fit(kmeans.record_set(train_array))
