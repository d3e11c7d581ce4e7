"""Training from a private Docker registry, as the docs' boto3 example does — but without Vpc access."""
import boto3

sagemaker_client = boto3.client("sagemaker")

algorithm_specification = {
    "TrainingImage": "registry.example.com/team/trainer@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "TrainingInputMode": "File",
    # Missing: "TrainingImageConfig": {"TrainingRepositoryAccessMode": "Vpc"}
}

sagemaker_client.create_training_job(
    TrainingJobName="private-registry-job",
    AlgorithmSpecification=algorithm_specification,
    RoleArn="arn:aws:iam::123456789012:role/SageMakerRole",
    OutputDataConfig={"S3OutputPath": "s3://my-bucket/output/"},
    ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
    VpcConfig={"SecurityGroupIds": ["sg-0123456789abcdef0"], "Subnets": ["subnet-0123456789abcdef0"]},
)
