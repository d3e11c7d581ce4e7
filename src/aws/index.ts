/**
 * The implementation of `AwsApi`, bundled on its own as `dist/aws.js` and loaded on first use.
 */
import { DescribeLogStreamsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  DescribeTrainingJobCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListModelsCommand,
  ListTrainingJobsCommand,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsApi, ResourceSummary } from './api';
import { clientsFor, resetClients } from './clients';
import { listEcrImages, listEcrRepositories, resolveEcrDigest } from './ecr';
import { sendCreate } from './sendCreate';

const TRAINING_LOG_GROUP = '/aws/sagemaker/TrainingJobs';
const LIST_LIMIT = 50;

export const awsApi: AwsApi & { reset(): void } = {
  async callerAccount(target) {
    return (await clientsFor(target).sts.send(new GetCallerIdentityCommand({}))).Account;
  },

  async sageMakerAwsEndpoint(target) {
    const { config } = clientsFor(target).sagemaker;
    const [region, fips, dualStack] = await Promise.all([config.region(), config.useFipsEndpoint(), config.useDualstackEndpoint()]);
    // The endpoint rule set of the client itself: no Endpoint parameter, so the regional AWS one.
    const { url } = config.endpointProvider({ Region: region, UseFIPS: fips, UseDualStack: dualStack });
    return { url: url.href.replace(/\/$/, ''), fips, dualStack };
  },

  sendCreate(target, kind, body) {
    return sendCreate(clientsFor(target).sagemaker, kind, body);
  },

  async describeTrainingJob(target, name) {
    return clientsFor(target).sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
  },

  async stopTrainingJob(target, name) {
    await clientsFor(target).sagemaker.send(new StopTrainingJobCommand({ TrainingJobName: name }));
  },

  async listTrainingJobs(target) {
    const answer = await clientsFor(target).sagemaker.send(new ListTrainingJobsCommand({ SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: LIST_LIMIT }));
    return (answer.TrainingJobSummaries ?? []).map((job): ResourceSummary => ({ name: job.TrainingJobName ?? '', status: job.TrainingJobStatus, creationTime: job.CreationTime }));
  },

  async describeEndpoint(target, name) {
    const answer = await clientsFor(target).sagemaker.send(new DescribeEndpointCommand({ EndpointName: name }));
    return { status: answer.EndpointStatus, failureReason: answer.FailureReason };
  },

  async listEndpoints(target) {
    const answer = await clientsFor(target).sagemaker.send(new ListEndpointsCommand({ SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: LIST_LIMIT }));
    return (answer.Endpoints ?? []).map((endpoint): ResourceSummary => ({ name: endpoint.EndpointName ?? '', status: endpoint.EndpointStatus, creationTime: endpoint.CreationTime }));
  },

  async listEndpointConfigs(target) {
    const answer = await clientsFor(target).sagemaker.send(new ListEndpointConfigsCommand({ SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: LIST_LIMIT }));
    return (answer.EndpointConfigs ?? []).map((config): ResourceSummary => ({ name: config.EndpointConfigName ?? '', creationTime: config.CreationTime }));
  },

  async listModels(target) {
    const answer = await clientsFor(target).sagemaker.send(new ListModelsCommand({ SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: LIST_LIMIT }));
    return (answer.Models ?? []).map((model): ResourceSummary => ({ name: model.ModelName ?? '', creationTime: model.CreationTime }));
  },

  async deleteEndpoint(target, name) {
    await clientsFor(target).sagemaker.send(new DeleteEndpointCommand({ EndpointName: name }));
  },

  async deleteEndpointConfig(target, name) {
    await clientsFor(target).sagemaker.send(new DeleteEndpointConfigCommand({ EndpointConfigName: name }));
  },

  async deleteModel(target, name) {
    await clientsFor(target).sagemaker.send(new DeleteModelCommand({ ModelName: name }));
  },

  async trainingLogStreams(target, jobName) {
    const answer = await clientsFor(target).logs.send(new DescribeLogStreamsCommand({ logGroupName: TRAINING_LOG_GROUP, logStreamNamePrefix: `${jobName}/` }));
    return (answer.logStreams ?? []).map((stream) => stream.logStreamName ?? '').filter(Boolean);
  },

  async trainingLogEvents(target, stream, nextToken) {
    const answer = await clientsFor(target).logs.send(new GetLogEventsCommand({ logGroupName: TRAINING_LOG_GROUP, logStreamName: stream, startFromHead: true, nextToken }));
    return {
      events: (answer.events ?? []).map((event) => ({ timestamp: event.timestamp, message: event.message ?? '' })),
      nextToken: answer.nextForwardToken,
    };
  },

  ecrRepositories(target, registryId, signal) {
    return listEcrRepositories(clientsFor(target).ecr, registryId, signal);
  },

  ecrImages(target, registryId, repository, signal) {
    return listEcrImages(clientsFor(target).ecr, registryId, repository, signal);
  },

  ecrDigest(target, registryId, repository, tag, signal) {
    return resolveEcrDigest(clientsFor(target).ecr, registryId, repository, tag, signal);
  },

  reset: resetClients,
};
