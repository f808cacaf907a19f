import type * as Forge from "node-forge";
import { asText } from "../shared/text";

/**
 * node-forge, loaded at the first bundle: only an S/MIME certificate with a generated key needs it, and the provider
 * process of a stack without one should not hold its 40 modules.
 */
function nodeForge(): typeof Forge {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("node-forge") as typeof Forge;
}

/**
 * A PKCS#12 bundle (key, leaf and chain) protected by a password, base64-encoded, so mail clients can import an
 * S/MIME identity directly. node-forge is used because WebCrypto and @peculiar/x509 have no PKCS#12 writer and
 * hand-written ASN.1 is out of the question (AES-256 for the key bag and certificates, SHA-256 MAC).
 */
export function createPkcs12(options: {
    privateKeyPem: string;
    certificatePem: string;
    chainPems: string[];
    password: string;
    friendlyName?: string;
}): string {
    const forge = nodeForge();
    const privateKey = forge.pki.privateKeyFromPem(options.privateKeyPem);
    const leaf = forge.pki.certificateFromPem(options.certificatePem);
    // node-forge reads RSA certificates only; a chain certificate with another key type is left out of the bundle
    // (it stays available as chainPem) rather than failing the whole bundle.
    const chain = options.chainPems.flatMap((pem) => {
        try {
            return [forge.pki.certificateFromPem(pem)];
        } catch {
            return [];
        }
    });
    const certificates = [leaf, ...chain];
    const bundle = forge.pkcs12.toPkcs12Asn1(privateKey, certificates, options.password, {
        algorithm: "aes256",
        friendlyName: options.friendlyName,
        generateLocalKeyId: true,
    });
    return forge.util.encode64(forge.asn1.toDer(bundle).getBytes());
}

/** Opens a bundle made by createPkcs12 (tests, and users checking a download): the certificates' subjects and whether a key is inside. */
export function readPkcs12(
    base64: string,
    password: string,
): { certificateSubjects: string[]; hasPrivateKey: boolean } {
    const forge = nodeForge();
    const bundle = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.decode64(base64)), password);
    const certificateBags = bundle.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
    const keyBags =
        bundle.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? [];
    return {
        certificateSubjects: certificateBags.map((bag) =>
            bag
                .cert!.subject.attributes.map(
                    (attribute) => `${attribute.shortName ?? attribute.type}=${asText(attribute.value)}`,
                )
                .join(", "),
        ),
        hasPrivateKey: keyBags.length > 0 && Boolean(keyBags[0].key),
    };
}
