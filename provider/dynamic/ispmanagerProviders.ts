import type * as pulumi from "@pulumi/pulumi";

/**
 * The ispmanager dynamic provider as Pulumi serializes it into state (`__provider`), thin like providers.ts:
 * every function loads the implementation by package name when it runs, so the serialized text holds only these lines
 * and credentials are read at call time (stack config `ispmanager:*`, `ISPMANAGER_*`), never captured. The module name
 * is a literal on purpose: a captured variable would be serialized by value.
 *
 * State written by 0.1.0 holds these texts: the module paths they require (`bin/provider/dynamic/*`) and the functions
 * they call are a contract. Keep them where they are; if a file has to move, leave a module here that re-exports it.
 */
export const ispmanagerCertificateProvider: pulumi.dynamic.ResourceProvider = {
    configure: (request) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").configure(request),
    check: (olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").check(olds, news),
    diff: (id, olds, news) =>
        require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").diff(id, olds, news),
    create: (inputs) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").create(inputs),
    read: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").read(id, props),
    update: (id, olds, news) =>
        require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").update(id, olds, news),
    delete: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/ispmanagerCertificate").remove(id, props),
};
