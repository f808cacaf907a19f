import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The example requests and responses of InterNetX's public help pages that the wire tests compare with, kept in the
 * repository (test/fixtures/help-pages) so that a clone alone passes: JSON examples as parsed values, XML examples as
 * the documents' text. Each file says which page it comes from (`source`).
 */
const fixturesDirectory = join(__dirname, "..", "..", "..", "test", "fixtures", "help-pages");

type Json = Record<string, any>;

function page<T>(file: string): T {
    return JSON.parse(readFileSync(join(fixturesDirectory, file), "utf8")) as T;
}

/** InterNetX help "Ordering SSL Certificates": ContactCreate, CertificatePrepareOrder, CertificateCreate, CertificateInfo. */
export const orderingPage = page<{
    json: Record<
        | "contactCreateRequest"
        | "contactCreateResponse"
        | "prepareOrderRequest"
        | "prepareOrderResponse"
        | "certificateCreateRequest"
        | "certificateCreateResponse"
        | "certificateInfoResponse",
        Json
    >;
    xml: Record<
        | "contactCreateRequest"
        | "contactCreateResponse"
        | "prepareOrderRequest"
        | "prepareOrderResponse"
        | "certificateCreateRequest"
        | "certificateCreateResponse"
        | "certificateInfoRequest"
        | "certificateInfoResponse",
        string
    >;
}>("ordering-ssl-certificates.json");

/** InterNetX help "Reissue Certificate": CertificateReissue, PollInfo, PollConfirm, CertificateInfo with its chain. */
export const reissuePage = page<{
    json: Record<
        "reissueRequest" | "reissueResponse" | "pollInfoResponse" | "pollConfirmResponse" | "certificateInfoResponse",
        Json
    >;
    xml: Record<
        | "reissueRequest"
        | "reissueResponse"
        | "pollInfoRequest"
        | "pollInfoResponse"
        | "pollConfirmRequest"
        | "pollConfirmResponse",
        string
    >;
}>("reissue-certificate.json");

/** InterNetX's help page on ordering S/MIME certificates: CertificateCreate of a MAIL certificate. */
export const smimePage = page<{ xml: Record<"certificateCreateRequest" | "certificateCreateResponse", string> }>(
    "ordering-smime-certificates.json",
);
