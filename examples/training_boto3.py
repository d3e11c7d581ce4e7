"""A training job and a model sent with boto3: checked by SageMaker Spec like a JSON spec."""
import boto3

sagemaker_client = boto3.client("sagemaker", region_name="us-east-1")

# A built-in algorithm, pinned: XGBoost must never run on ":1" or ":latest".
sagemaker_client.create_training_job(
    TrainingJobName="xgboost-churn-2026-11-29",
    RoleArn="arn:aws:iam::123456789012:role/SageMakerRole",
    AlgorithmSpecification={
        "TrainingImage": "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
        "TrainingInputMode": "File",
    },
    HyperParameters={"objective": "binary:logistic", "num_round": "100"},
    InputDataConfig=[
        {
            "ChannelName": "train",
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://my-bucket/churn/train/"}},
            "ContentType": "text/csv",
        }
    ],
    OutputDataConfig={"S3OutputPath": "s3://my-bucket/churn/output/"},
    ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 10},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)

# A model from a private Docker registry: Vpc access, a VpcConfig that reaches it, and a digest.
primary_container = {
    "Image": "registry.example.com/team/churn-serving@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "ImageConfig": {"RepositoryAccessMode": "Vpc"},
}
sagemaker_client.create_model(
    ModelName="churn-serving",
    ExecutionRoleArn="arn:aws:iam::123456789012:role/SageMakerRole",
    PrimaryContainer=primary_container,
    VpcConfig={"SecurityGroupIds": ["sg-0123456789abcdef0"], "Subnets": ["subnet-0123456789abcdef0"]},
)
