import type * as pulumi from "@pulumi/pulumi";

/**
 * The dynamic provider of a resource as Pulumi serializes it into state (`__provider`). It stays thin: every function
 * loads the implementation by package name when it runs, so the serialized text holds only these few lines and the
 * resource's type token (a string, serialized by value), the implementation comes from the installed package, and
 * credentials are read at call time, never captured. The module names are literals on purpose: a captured module would
 * be serialized by value.
 *
 * State holds these texts: the module paths they require (`bin/provider/dynamic/*`) and the functions they call are a
 * contract. Keep them where they are; if a file has to move, leave a module here that re-exports it. State written
 * before this provider served every resource (0.1.0 and later) requires the per-resource modules (`certificate`,
 * `smime`, `sslContact`, `domainValidation`, `ispmanagerCertificate`), which stay for it.
 */
export function declaredProvider(token: string): pulumi.dynamic.ResourceProvider {
    return {
        configure: (request) => require("pulumi-sslmanager/bin/provider/dynamic/context").configure(request),
        check: (olds, news) =>
            require("pulumi-sslmanager/bin/provider/dynamic/registered").operationsOf(token).check(olds, news),
        diff: (id, olds, news) =>
            require("pulumi-sslmanager/bin/provider/dynamic/registered").operationsOf(token).diff(id, olds, news),
        create: (inputs) =>
            require("pulumi-sslmanager/bin/provider/dynamic/registered").operationsOf(token).create(inputs),
        read: (id, props) =>
            require("pulumi-sslmanager/bin/provider/dynamic/registered").operationsOf(token).read(id, props),
        update: (id, olds, news) =>
            require("pulumi-sslmanager/bin/provider/dynamic/registered").operationsOf(token).update(id, olds, news),
        delete: (id, props) =>
            require("pulumi-sslmanager/bin/provider/dynamic/registered").operationsOf(token).remove(id, props),
    };
}
