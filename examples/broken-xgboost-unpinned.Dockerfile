# A training container that extends the SageMaker XGBoost image with extra packages. The ARG's
# default "1" is the legacy, floating XGBoost tag: builds without --build-arg get whatever "1" is.
ARG XGBOOST_VERSION=1

FROM 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${XGBOOST_VERSION}
RUN pip install --no-cache-dir shap==0.46.0
COPY train.py /opt/ml/code/train.py
ENV SAGEMAKER_PROGRAM=train.py
