/**
 * Element names of the XML gateway versus property names of the JSON API.
 *
 * The gateway uses the snake_case of the JSON names (`postal_code`, `key_size`, `serial_number`, InterNetX help "Ordering SSL Certificates"), with a few
 * renames seen in the XML examples of InterNetX's help pages: contacts say `first`/`last`/`postal_code` where JSON says
 * `fname`/`lname`/`pcode`; certificates say `admin`/`technical` for `adminContact`/`technicalContact` and `ca_cert`
 * for `caCertificate` (InterNetX's help pages "Ordering SSL Certificates" and "Reissue Certificate" CertificateInfo).
 */
const jsonToXml: Record<string, string> = {
    fname: "first",
    lname: "last",
    pcode: "postal_code",
    adminContact: "admin",
    technicalContact: "technical",
    caCertificate: "ca_cert",
    // "Certificate Object": subjectAlternativeNames is the repeated `<subject_alternative_name>`;
    // "CertAuthentication Object": approverEmails is the repeated `<approver_email>`.
    subjectAlternativeNames: "subject_alternative_name",
    approverEmails: "approver_email",
};
const xmlToJson: Record<string, string> = Object.fromEntries(
    Object.entries(jsonToXml).map(([json, xml]) => [xml, json]),
);

export function xmlElementName(jsonName: string): string {
    return jsonToXml[jsonName] ?? jsonName.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function jsonPropertyName(xmlName: string): string {
    return xmlToJson[xmlName] ?? xmlName.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
