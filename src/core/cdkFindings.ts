/**
 * Findings in a template the AWS CDK synthesized (SpecDocument.cdkSynthesized): the template is
 * generated, so each finding names what wrote the text it is on — the construct of the resource
 * (its `aws:cdk:path`, else its logical id), the CfnMapping of a row the resource reads, or the
 * CDK itself for a table it writes from its region facts (cdkRegionFacts.ts) — and offers no edit
 * of the file (the next `cdk synth` writes it again, fix and all). One place that several
 * resources read (a mapping row read by a model and by a state machine's task) is one finding
 * naming every construct, not one per reader.
 */
import type { Finding } from './findings';
import type { CdkSynthesized } from './specDocument';

/**
 * `findings` in document analysis order with each CDK finding (`sources`: the resource it was
 * found for) attributed as above; findings that differ only by their reader merged into the
 * first, naming them all. Other findings as they are.
 */
export function attributedToCdkApp(findings: readonly Finding[], sources: ReadonlyMap<Finding, CdkSynthesized>): Finding[] {
  const readers = new Map<string, CdkSynthesized[]>();
  const first = new Map<Finding, string>();
  for (const finding of findings) {
    const source = sources.get(finding);
    if (!source) continue;
    const key = `${finding.code}@${finding.offset}+${finding.length}:${finding.message}`;
    const known = readers.get(key);
    if (known) {
      if (!known.some((other) => sameResource(other, source))) known.push(source);
      continue;
    }
    readers.set(key, [source]);
    first.set(finding, key);
  }
  return findings.flatMap((finding) => {
    if (!sources.has(finding)) return [finding];
    const key = first.get(finding);
    return key === undefined ? [] : [inCdkApp(finding, readers.get(key)!)];
  });
}

function sameResource(a: CdkSynthesized, b: CdkSynthesized): boolean {
  return a.logicalId === b.logicalId && a.mapping === b.mapping && a.state === b.state;
}

/** `finding` naming what to change in the CDK app for it (see above), without fixes. */
function inCdkApp(finding: Finding, sources: readonly CdkSynthesized[]): Finding {
  const constructs = constructNames(sources);
  const [source] = sources;
  const inFactTable = (source.regionFactTables ?? []).some((table) => finding.offset >= table.offset && finding.offset + finding.length <= table.offset + table.length);
  const suffix = inFactTable
    ? `Read by ${constructs.replace('your CDK app, ', '')}; cdk synth writes this table again.`
    : `From ${source.mapping !== undefined ? `the CfnMapping ${source.mapping}, read by ${constructs.replace('your CDK app, ', '')}` : constructs}: fix it in your CDK code; cdk synth writes this template again.`;
  return { ...finding, message: `${finding.message} (${suffix})`, fixes: [] };
}

/**
 * The constructs that wrote the resources: `CDK construct ChurnStack/Model`, `CDK constructs A and
 * B`; a resource without path metadata by its logical id (`your CDK app, resource Model1A2B`).
 */
function constructNames(sources: readonly CdkSynthesized[]): string {
  // A state machine's task: the construct and the state (`ChurnStack/Flow/Resource (state "Train")`).
  const withState = (name: string, source: CdkSynthesized) => (source.state !== undefined ? `${name} (state "${source.state}")` : name);
  const paths = [...new Set(sources.flatMap((source) => (source.constructPath !== undefined ? [withState(source.constructPath, source)] : [])))];
  const ids = [...new Set(sources.flatMap((source) => (source.constructPath === undefined ? [withState(source.logicalId, source)] : [])))];
  const named = [
    ...(paths.length > 0 ? [`CDK construct${paths.length > 1 ? 's' : ''} ${listed(paths)}`] : []),
    ...(ids.length > 0 ? [`resource${ids.length > 1 ? 's' : ''} ${listed(ids)}`] : []),
  ];
  return paths.length > 0 ? named.join(' and ') : `your CDK app, ${named[0]}`;
}

/** `A`, `A and B`, `A, B and C`. */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
