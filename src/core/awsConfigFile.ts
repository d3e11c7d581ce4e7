/**
 * Reading the AWS shared config and credentials files (INI). Only section names and plain
 * `key = value` settings are read; credentials themselves are never needed by the core.
 */

export type IniSections = Map<string, Map<string, string>>;

export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]) ?? new Map<string, string>();
      sections.set(header[1], current);
      continue;
    }
    const setting = /^([^=\s]+)\s*=\s*(.*)$/.exec(line);
    // Indented lines continue a nested setting (e.g. `s3 =` blocks); they hold nothing we read.
    if (setting && current && !/^\s/.test(rawLine)) current.set(setting[1].toLowerCase(), setting[2].trim());
  }
  return sections;
}

/** Profile names from the config file (`[profile x]`, `[default]`) and the credentials file (`[x]`). */
export function listProfiles(configText: string | undefined, credentialsText: string | undefined): string[] {
  const names = new Set<string>();
  for (const section of parseIni(configText ?? '').keys()) {
    if (section === 'default') names.add('default');
    const profile = /^profile\s+(.+)$/.exec(section);
    if (profile) names.add(profile[1]);
  }
  for (const section of parseIni(credentialsText ?? '').keys()) names.add(section);
  return [...names].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

/** The `region` of a profile in the config file; `default` is `[default]`, others `[profile name]`. */
export function profileRegion(configText: string | undefined, profile: string): string | undefined {
  if (!configText) return undefined;
  const sections = parseIni(configText);
  const section = profile === 'default'
    ? sections.get('default') ?? sections.get('profile default')
    : sections.get(`profile ${profile}`);
  const region = section?.get('region');
  return region ? region : undefined;
}
