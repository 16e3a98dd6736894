// Finding a domain among those of the sample being built: a scan while they are few, a map once they are many.
//
// A sample of a real machine has a handful of domains, where a scan is fastest. A log of
// thousands (damage, or a hostile file) would make the scan quadratic: a million domains
// in one sample would take hours. Entries are only ever appended while a sample is built,
// so the map catches up with the list by its length.

/** Scanned up to this many; a map from then on. */
const SCAN_UP_TO = 16;

/** What holds the map next to the list (the sample being built); `null` again for every new sample. */
export interface DomainIndexHolder<T> {
  domainIndex: Map<number, T> | null;
}

/** The entry of `domain` in `list`, or undefined. */
export function findDomainIn<T extends { readonly domain: number }>(list: readonly T[], holder: DomainIndexHolder<T>, domain: number): T | undefined {
  if (list.length <= SCAN_UP_TO) {
    for (const entry of list) if (entry.domain === domain) return entry;
    return undefined;
  }
  let index = holder.domainIndex;
  if (index === null) {
    index = new Map();
    holder.domainIndex = index;
  }
  for (let i = index.size; i < list.length; i++) index.set(list[i]!.domain, list[i]!);
  return index.get(domain);
}
