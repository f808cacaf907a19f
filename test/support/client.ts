import * as chai from "chai";
import chaiAsPromised from "chai-as-promised";
import { XMLParser } from "fast-xml-parser";

chai.use(chaiAsPromised);
export const expect = chai.expect;

const comparisonParser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    ignoreDeclaration: true,
});

/** An XML document as a plain tree (CDATA merged into text, comments dropped) for order-insensitive comparison. */
export function xmlTree(document: string): unknown {
    return comparisonParser.parse(document);
}

export function basicAuthorization(user: string, password: string): string {
    return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}
