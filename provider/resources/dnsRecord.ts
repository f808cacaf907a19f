/**
 * The DNS validation record InterNetX hands out as one zone-file line (InterNetX help "Ordering SSL Certificates":
 * `example.com.\t\t300\tIN\tTXT\t"2018092608362142n4…"`), split into what a DNS provider resource needs.
 */
export interface DnsRecord {
    name: string;
    type: string;
    ttl: number;
    value: string;
    /**
     * The name this record validates (CertAuthentication `name`): InterNetX's prepare-order answer gives one record per
     * name, at `_dnsauth.<name>.` (InterNetX/php-domainrobot-sdk test/mock-data/Certificate/PrepareOrderResponse.json).
     */
    domain?: string;
}

export function parseZoneRecord(line: string | undefined): DnsRecord | undefined {
    if (!line) return undefined;
    const match = /^\s*(\S+)\s+(\d+)\s+IN\s+([A-Z]+)\s+(.+?)\s*$/i.exec(line);
    if (!match) return undefined;
    const [, name, ttl, type, rawValue] = match;
    const value = rawValue.startsWith('"') && rawValue.endsWith('"') ? rawValue.slice(1, -1) : rawValue;
    return { name, type: type.toUpperCase(), ttl: Number(ttl), value };
}
