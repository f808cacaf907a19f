/** Something that is not the PEM object it should be; `what` names it (CSR, certificate, private key). */
export class InvalidPemError extends Error {
    override name = "InvalidPemError";
    constructor(
        readonly what: string,
        readonly reason: string,
    ) {
        super(`not a valid ${what}: ${reason}`);
    }
}

const block = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** Every PEM block in `text`, each with LF line ends and a final newline (pasted CRLF PEMs compare equal). */
export function splitPemBlocks(text: string): string[] {
    return [...text.matchAll(block)].map((match) => `${match[0].replace(/\r\n?/g, "\n")}\n`);
}

/**
 * The single PEM block with `label`, or InvalidPemError; returned in the canonical form (64 characters a line, no
 * indentation), which the X.509 reader needs. InterNetX's demo system accepted a CSR whose lines were indented and
 * answered it unchanged as `plain` (InterNetX-DL/Laravel-SSL-Manager tests/CertificateWorkflowTest.php, which sends
 * the PEM as written inside its PHP source), so indentation is not an error here either.
 */
export function singlePem(text: string, label: string, what: string): string {
    if (typeof text !== "string") throw new InvalidPemError(what, "not a string");
    const blocks = splitPemBlocks(text);
    if (blocks.length === 0) throw new InvalidPemError(what, "no PEM block found");
    if (blocks.length > 1) throw new InvalidPemError(what, `expected one PEM block, found ${blocks.length}`);
    const found = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(blocks[0])![1];
    if (found !== label) throw new InvalidPemError(what, `expected "${label}", found "${found}"`);
    const body = blocks[0].replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, "").replace(/\s+/g, "");
    if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0)
        throw new InvalidPemError(what, "the base64 body is malformed");
    return `-----BEGIN ${label}-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END ${label}-----\n`;
}
