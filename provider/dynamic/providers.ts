import type * as pulumi from "@pulumi/pulumi";

/**
 * The dynamic providers as Pulumi serializes them into state (`__provider`). They stay thin: every function
 * loads the implementation by package name when it runs, so the serialized text holds only these few lines, the
 * implementation comes from the installed package, and credentials are read at call time, never captured.
 * The module names are literals on purpose: a captured variable would be serialized by value.
 *
 * State written by 0.1.0 holds these texts: the module paths they require (`bin/provider/dynamic/*`) and the functions
 * they call are a contract. Keep them where they are; if a file has to move, leave a module here that re-exports it.
 */

export const sslContactProvider: pulumi.dynamic.ResourceProvider = {
    configure: (request) => require("pulumi-sslmanager/bin/provider/dynamic/context").configure(request),
    check: (olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/sslContact").check(olds, news),
    diff: (id, olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/sslContact").diff(id, olds, news),
    create: (inputs) => require("pulumi-sslmanager/bin/provider/dynamic/sslContact").create(inputs),
    read: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/sslContact").read(id, props),
    update: (id, olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/sslContact").update(id, olds, news),
    delete: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/sslContact").remove(id, props),
};

export const domainValidationProvider: pulumi.dynamic.ResourceProvider = {
    configure: (request) => require("pulumi-sslmanager/bin/provider/dynamic/context").configure(request),
    check: (olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/domainValidation").check(olds, news),
    diff: (id, olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/domainValidation").diff(id, olds, news),
    create: (inputs) => require("pulumi-sslmanager/bin/provider/dynamic/domainValidation").create(inputs),
    read: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/domainValidation").read(id, props),
    update: (id, olds, news) =>
        require("pulumi-sslmanager/bin/provider/dynamic/domainValidation").update(id, olds, news),
    delete: () => require("pulumi-sslmanager/bin/provider/dynamic/domainValidation").remove(),
};

export const certificateProvider: pulumi.dynamic.ResourceProvider = {
    configure: (request) => require("pulumi-sslmanager/bin/provider/dynamic/context").configure(request),
    check: (olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/certificate").check(olds, news),
    diff: (id, olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/certificate").diff(id, olds, news),
    create: (inputs) => require("pulumi-sslmanager/bin/provider/dynamic/certificate").create(inputs),
    read: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/certificate").read(id, props),
    update: (id, olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/certificate").update(id, olds, news),
    delete: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/certificate").remove(id, props),
};

export const smimeCertificateProvider: pulumi.dynamic.ResourceProvider = {
    configure: (request) => require("pulumi-sslmanager/bin/provider/dynamic/context").configure(request),
    check: (olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/smime").check(olds, news),
    diff: (id, olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/smime").diff(id, olds, news),
    create: (inputs) => require("pulumi-sslmanager/bin/provider/dynamic/smime").create(inputs),
    read: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/smime").read(id, props),
    update: (id, olds, news) => require("pulumi-sslmanager/bin/provider/dynamic/smime").update(id, olds, news),
    delete: (id, props) => require("pulumi-sslmanager/bin/provider/dynamic/smime").remove(id, props),
};
