export type {
  CatalogData,
  CatalogSource,
  ImageData,
  ImageKind,
  InstanceGpuData,
  InstanceGpuInfo,
  Partition,
  RegionData,
  TagMatch,
} from './catalogData';
export { Catalog, imageLabel, isFloatingImage, tagBaseOf } from './catalog';
export type { CatalogImage, PinnedVersion, RegionInfo, TagEntry } from './catalog';
export { suggestTags } from './tagSuggestions';
export { InstanceGpuTable } from './instanceGpus';
export { DEFAULT_DNS_SUFFIX, DNS_SUFFIX_OVERRIDES, dnsSuffixOf, looksLikeRegion, partitionOf } from './regions';
export { compareVersions, compareVersionsDescending, isFloatingTag } from './versions';
export { catalogSnapshotLabel, newerThanCatalog } from './catalogAge';
export type { NewerThanCatalog } from './catalogAge';
