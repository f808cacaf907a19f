import { x509 } from "../../provider/x509/crypto";
import { writeZip } from "./zip";

/**
 * The file of an issued certificate as ISPsystem's GlobalSign processing module stores it: the PKCS#7 the CA returned
 * as `<CN>.p7b` plus one PEM `.crt` per certificate in it, named after each certificate's CN with `*` and `.` turned
 * into `_`, zipped. The PKCS#7 lists the root and intermediate before the leaf, so a reader that takes the first
 * certificate for the leaf fails.
 */
const fileName = (name: string) => name.replace(/[*.]/g, "_");
const commonName = (certificate: x509.X509Certificate) =>
    /(?:^|,\s*)CN=([^,]+)/.exec(certificate.subject)?.[1] ?? "certificate";

export function certificateZip(domain: string, leafPem: string, intermediatePem: string, rootPem: string): Buffer {
    const certificates = [rootPem, intermediatePem, leafPem].map((pem) => new x509.X509Certificate(pem));
    const pkcs7 = new x509.X509Certificates(certificates).export("pem").replace(/CMS/g, "PKCS7");
    return writeZip([
        { name: `${fileName(domain)}.p7b`, data: Buffer.from(`${pkcs7.trim()}\n`) },
        ...certificates.map((certificate) => ({
            name: `${fileName(commonName(certificate))}.crt`,
            data: Buffer.from(`${certificate.toString("pem").trim()}\n`),
        })),
    ]);
}
