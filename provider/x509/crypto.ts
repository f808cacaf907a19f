import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { webcrypto } from "node:crypto";

/**
 * @peculiar/x509 works on WebCrypto; Node's implementation is registered once here. `reflect-metadata` must be
 * loaded before the library (its dependency injection needs it).
 */
export const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

export { x509 };

export function hex(buffer: ArrayBuffer | Uint8Array): string {
    return Buffer.from(buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer))
        .toString("hex")
        .toUpperCase();
}

export async function sha256Hex(data: ArrayBuffer | Uint8Array): Promise<string> {
    return hex(
        await crypto.subtle.digest(
            "SHA-256",
            (data instanceof Uint8Array ? data : new Uint8Array(data)) as BufferSource,
        ),
    );
}
