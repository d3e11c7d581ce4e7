# A bring-your-own-container model server built on the SageMaker PyTorch inference image (a Deep
# Learning Container). Build for another region with: docker build --build-arg REGION=eu-west-1 .
ARG REGION=us-east-1
ARG PYTORCH_TAG=2.6.0-gpu-py312

FROM 763104351884.dkr.ecr.${REGION}.amazonaws.com/pytorch-inference:${PYTORCH_TAG} AS base
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt

# An earlier stage, not an image: nothing to check here.
FROM base
COPY code/ /opt/ml/model/code/
ENV SAGEMAKER_PROGRAM=inference.py
