/**
 * The SageMaker Python SDK's estimator class of each built-in algorithm that has one, by the
 * algorithm's ECR repository (`kmeans` → `KMeans`): messages name the class that fills in the
 * hyperparameters the SDK sets at `fit()` (`feature_dim`, `mini_batch_size`) for the algorithm at
 * hand, not another one's. The classes of hosts/python/pythonAmazonEstimators.ts (each names its
 * repository there; the rules do not read the Python host, and a unit test holds the two alike).
 */
export const SDK_ESTIMATOR_CLASSES: Readonly<Record<string, string>> = {
  kmeans: 'KMeans',
  'linear-learner': 'LinearLearner',
  pca: 'PCA',
  lda: 'LDA',
  ntm: 'NTM',
  knn: 'KNN',
  'factorization-machines': 'FactorizationMachines',
  randomcutforest: 'RandomCutForest',
  ipinsights: 'IPInsights',
  object2vec: 'Object2Vec',
};

/** The SDK estimator class of the algorithm in `repository`, if it has one. */
export function sdkEstimatorClassOf(repository: string): string | undefined {
  return Object.hasOwn(SDK_ESTIMATOR_CLASSES, repository) ? SDK_ESTIMATOR_CLASSES[repository] : undefined;
}
