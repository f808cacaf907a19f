/** pulumi-sslmanager: `import { internetx } from "pulumi-sslmanager"`. */
export * from "./sdk";
export * as errors from "./provider/errors";
