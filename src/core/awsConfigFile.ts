/**
 * Reading the AWS shared config and credentials files (INI). Only section names and plain
 * `key = value` settings are read; credentials themselves are never needed by the core.
 */

export type IniSections = Map<string, Map<string, string>>;

/**
 * Sections by name (`default`, `profile dev`, `services local`), each a map of lower-case keys.
 * An indented `key = value` under a setting with an empty value (`sagemaker =` in a services
 * section) is kept as `parent.key` (`sagemaker.endpoint_url`), as the AWS SDKs read it.
 */
export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  let parent: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]) ?? new Map<string, string>();
      sections.set(header[1], current);
      parent = undefined;
      continue;
    }
    const setting = /^([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (!setting || !current) continue;
    const key = setting[1].toLowerCase();
    const value = setting[2].trim();
    if (/^\s/.test(rawLine)) {
      if (parent) current.set(`${parent}.${key}`, value);
      continue;
    }
    current.set(key, value);
    parent = value === '' ? key : undefined;
  }
  return sections;
}

/** The section of a profile: `[default]` (or `[profile default]`) for default, else `[profile name]`. */
export function profileSection(sections: IniSections, profile: string): Map<string, string> | undefined {
  return profile === 'default' ? sections.get('default') ?? sections.get('profile default') : sections.get(`profile ${profile}`);
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
  const region = profileSection(parseIni(configText), profile)?.get('region');
  return region ? region : undefined;
}
