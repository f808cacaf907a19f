import type * as pulumi from "@pulumi/pulumi";

/**
 * The ispmanager dynamic provider as Pulumi serializes it into state (`__provider`), thin like providers.ts (STYLE 9):
 * every function loads the implementation by package name when it runs, so the serialized text holds only these lines
 * and credentials are read at call time (stack config `ispmanager:*`, `ISPMANAGER_*`), never captured. The module name
 * is a literal on purpose: a captured variable would be serialized by value.
 */
export const ispmanagerCertificateProvider: pulumi.dynamic.ResourceProvider = {
    configure: (request) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").configure(request),
    check: (olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").check(olds, news),
    diff: (id, olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").diff(id, olds, news),
    create: (inputs) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").create(inputs),
    read: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").read(id, props),
    update: (id, olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").update(id, olds, news),
    delete: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").remove(id, props),
};
