import { crypto, x509 } from "../provider/x509/crypto";
import { singlePem } from "../provider/x509/pem";

/**
 * The CSR's public key as a WebCrypto key the certificate generator can embed. The CSR is read in its canonical form:
 * orders keep it as sent, indentation included, as InterNetX's demo system accepted it.
 */
export async function readCsrPublicKey(csrPem: string): Promise<CryptoKey> {
    const request = new x509.Pkcs10CertificateRequest(singlePem(csrPem, "CERTIFICATE REQUEST", "CSR"));
    const algorithm = request.publicKey.algorithm as { name: string; namedCurve?: string };
    const parameters = algorithm.namedCurve
        ? { name: "ECDSA", namedCurve: algorithm.namedCurve }
        : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
    return request.publicKey.export(parameters as Algorithm, ["verify"], crypto);
}
