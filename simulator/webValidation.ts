import { request } from "undici";

/**
 * The CA's HTTP check of a FILE validation: fetches `url` (`http://<domain>/.well-known/pki-validation/<file>`) from a
 * loopback web server at `origin` that stands in for the domain (the URL's path, the domain as Host header), and says
 * whether it answers 200 with `content` (surrounding white space ignored, as CAs compare the token).
 */
export async function servesValidationFile(origin: string, url: string, content: string): Promise<boolean> {
    const target = new URL(url);
    try {
        const response = await request(`${origin.replace(/\/$/, "")}${target.pathname}`, {
            headers: { host: target.host },
            headersTimeout: 2_000,
            bodyTimeout: 2_000,
        });
        const body = await response.body.text();
        return response.statusCode === 200 && body.trim() === content.trim();
    } catch {
        return false; // nothing listening, reset, timeout: not served
    }
}
