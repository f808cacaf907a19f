import type * as pulumi from "@pulumi/pulumi";
import { plain } from "./plain";

export function readResult(result: { id: string; props: object; inputs?: object }): pulumi.dynamic.ReadResult {
    return { id: result.id, props: plain(result.props), inputs: result.inputs && plain(result.inputs) };
}
