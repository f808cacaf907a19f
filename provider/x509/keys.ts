import { crypto, x509 } from "./crypto";
import { InvalidPemError, singlePem } from "./pem";

export type KeyAlgorithm = "RSA" | "ECDSA";
export interface KeySpec {
    algorithm: KeyAlgorithm;
    rsaBits?: 2048 | 3072 | 4096;
    curve?: "P256" | "P384";
}

/** Named defaults for generated keys. */
export const defaultRsaBits = 2048;
export const defaultCurve = "P256";

export function keyAlgorithmParameters(spec: KeySpec): RsaHashedKeyGenParams | EcKeyGenParams {
    if (spec.algorithm === "RSA") {
        return {
            name: "RSASSA-PKCS1-v1_5",
            modulusLength: spec.rsaBits ?? defaultRsaBits,
            publicExponent: new Uint8Array([1, 0, 1]),
            hash: "SHA-256",
        };
    }
    return { name: "ECDSA", namedCurve: (spec.curve ?? defaultCurve) === "P384" ? "P-384" : "P-256" };
}

/** The signature algorithm that goes with a key (SHA-256 for RSA and P-256, SHA-384 for P-384). */
export function signingAlgorithmFor(key: CryptoKey): RsaHashedImportParams | EcdsaParams {
    if (key.algorithm.name === "ECDSA") {
        return {
            name: "ECDSA",
            hash: (key.algorithm as EcKeyAlgorithm).namedCurve === "P-384" ? "SHA-384" : "SHA-256",
        };
    }
    return { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
}

export async function generateKeyPair(spec: KeySpec): Promise<CryptoKeyPair> {
    return await crypto.subtle.generateKey(keyAlgorithmParameters(spec), true, ["sign", "verify"]);
}

export async function privateKeyToPem(key: CryptoKey): Promise<string> {
    return `${x509.PemConverter.encode(await crypto.subtle.exportKey("pkcs8", key), "PRIVATE KEY")}\n`;
}

/**
 * A PKCS#8 private key (as this library writes them) with its public key, for signing a new CSR with a kept key.
 * The public half is derived through JWK export (WebCrypto has no direct way).
 */
export async function importKeyPair(privateKeyPem: string): Promise<CryptoKeyPair> {
    const pem = singlePem(privateKeyPem, "PRIVATE KEY", "private key");
    const der = x509.PemConverter.decode(pem)[0];
    for (const algorithm of [
        { name: "ECDSA", namedCurve: "P-256" },
        { name: "ECDSA", namedCurve: "P-384" },
        { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    ]) {
        try {
            const privateKey = await crypto.subtle.importKey("pkcs8", der, algorithm, true, ["sign"]);
            const jwk = await crypto.subtle.exportKey("jwk", privateKey);
            const publicJwk: JsonWebKey =
                algorithm.name === "ECDSA"
                    ? { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }
                    : { kty: jwk.kty, n: jwk.n, e: jwk.e };
            const publicKey = await crypto.subtle.importKey("jwk", publicJwk, algorithm, true, ["verify"]);
            return { privateKey, publicKey };
        } catch {
            // Not this algorithm: try the next one.
        }
    }
    throw new InvalidPemError("private key", "not an RSA or ECDSA (P-256, P-384) PKCS#8 key");
}
