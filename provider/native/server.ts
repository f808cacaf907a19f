import { main } from "@pulumi/pulumi/provider";
import { configFromVariables } from "./configuration";
import { EngineLog } from "./engineLog";
import { SslManagerProvider } from "./provider";
import { sdkGrpc } from "./sdkModules";
import { reveal } from "./secrets";
import { visibleDiff } from "./visibleDiff";
import { packageVersion } from "../shared/transport/userAgent";

// The request is a protobuf message of @pulumi/pulumi/proto, which ships no type declarations.
type Call = { request: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
type Callback = (error: unknown, response?: unknown) => void;
type Implementation = Record<string, (call: Call, callback: Callback) => unknown>;

/**
 * The SDK's provider server (@pulumi/pulumi/provider `main`) serves every resource call. Its Configure answers
 * without handing the configuration to the provider, and CheckConfig and DiffConfig are not implemented
 * (provider/server.js), so these three are answered here, by the SDK's own protobuf types, on the same service.
 */
function withConfiguration(implementation: Implementation, provider: SslManagerProvider): Implementation {
    const proto = require("@pulumi/pulumi/proto/provider_pb");
    const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
    const overrides: Implementation = {
        configure(call, callback) {
            try {
                const args = call.request.getArgs()?.toJavaScript();
                const config =
                    args && Object.keys(args).length > 0
                        ? args
                        : configFromVariables(call.request.getVariablesMap().toArray());
                provider.configure(config);
                const response = new proto.ConfigureResponse();
                // Secrets come wrapped and go back wrapped (secrets.ts); outputs and resource references come plain.
                response.setAcceptsecrets(true);
                // The SDK's server does not pass the preview flag of Create and Update on: a preview must never
                // reach them, or it would order and reissue for real.
                response.setSupportspreview(false);
                response.setAcceptresources(false);
                response.setAcceptoutputs(false);
                callback(null, response);
            } catch (error) {
                callback(error);
            }
        },
        checkConfig(call, callback) {
            try {
                const news = call.request.getNews()?.toJavaScript() ?? {};
                const response = new proto.CheckResponse();
                response.setInputs(call.request.getNews() ?? new Struct());
                response.setFailuresList(
                    provider.checkConfiguration(news).map((failure) => {
                        const item = new proto.CheckFailure();
                        item.setProperty(failure.property);
                        item.setReason(failure.reason);
                        return item;
                    }),
                );
                callback(null, response);
            } catch (error) {
                callback(error);
            }
        },
        diffConfig(call, callback) {
            try {
                const olds = reveal(call.request.getOlds()?.toJavaScript()).values;
                const news = reveal(call.request.getNews()?.toJavaScript()).values;
                const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
                    (key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key]),
                );
                const response = new proto.DiffResponse();
                response.setChanges(
                    changed.length > 0
                        ? proto.DiffResponse.DiffChanges.DIFF_SOME
                        : proto.DiffResponse.DiffChanges.DIFF_NONE,
                );
                response.setDiffsList(changed);
                callback(null, response);
            } catch (error) {
                callback(error);
            }
        },
        // The SDK's server answers Diff without `diffs` and `detailedDiff`; the CLI would then show every input that
        // differs, the hidden orderReference included (visibleDiff.ts).
        async diff(call, callback) {
            try {
                const request = call.request;
                const olds = request.getOlds()?.toJavaScript() ?? {};
                const news = request.getNews()?.toJavaScript() ?? {};
                const result = await provider.diff(request.getId(), request.getUrn(), olds, news);
                const response = new proto.DiffResponse();
                const changes = proto.DiffResponse.DiffChanges;
                response.setChanges(
                    result.changes === true
                        ? changes.DIFF_SOME
                        : result.changes === false
                          ? changes.DIFF_NONE
                          : changes.DIFF_UNKNOWN,
                );
                if (result.replaces && result.replaces.length > 0) response.setReplacesList(result.replaces);
                if (result.deleteBeforeReplace) response.setDeletebeforereplace(true);
                if (result.changes === true) {
                    const oldInputs = reveal(request.getOldInputs()?.toJavaScript() ?? olds).values;
                    const shown = visibleDiff(oldInputs, reveal(news).values, result.replaces ?? []);
                    if (shown.diffs.length > 0) {
                        response.setDiffsList(shown.diffs);
                        const kinds = proto.PropertyDiff.Kind;
                        const kindOf = {
                            add: [kinds.ADD, kinds.ADD_REPLACE],
                            delete: [kinds.DELETE, kinds.DELETE_REPLACE],
                            update: [kinds.UPDATE, kinds.UPDATE_REPLACE],
                        };
                        for (const [key, change] of Object.entries(shown.detailedDiff)) {
                            const item = new proto.PropertyDiff();
                            item.setKind(kindOf[change.kind][change.replace ? 1 : 0]);
                            item.setInputdiff(true);
                            response.getDetaileddiffMap().set(key, item);
                        }
                        response.setHasdetaileddiff(true);
                    }
                }
                callback(null, response);
            } catch (error) {
                callback(error);
            }
        },
        // An import's Read may come without properties; the SDK's read expects a Struct.
        read(call, callback) {
            if (!call.request.getProperties()) call.request.setProperties(new Struct());
            return implementation.read.call(implementation, call, callback);
        },
    };
    return Object.assign(Object.create(implementation), overrides) as Implementation;
}

/**
 * Starts the provider: prints the port for the engine and serves until the engine ends the process. `grpc` is the
 * @grpc/grpc-js the SDK's server uses: found beside the installed SDK, or handed in by the plugin tarball's bundle
 * (scripts/release/pluginEntry.ts), where there is no installed SDK to look beside.
 */
export async function serve(args: string[], grpc: typeof import("@grpc/grpc-js") = sdkGrpc()): Promise<void> {
    const { parseArgs } = require("@pulumi/pulumi/provider/internals") as {
        parseArgs(args: string[]): { engineAddress?: string } | undefined;
    };
    const engineLog = new EngineLog(parseArgs(args)?.engineAddress, grpc);
    const provider = new SslManagerProvider({
        version: packageVersion(),
        log: (urn) => engineLog.for(urn),
        warn: (urn) => engineLog.for(urn, "WARNING"),
    });
    const services = require("@pulumi/pulumi/proto/provider_grpc_pb");
    const addService = grpc.Server.prototype.addService;
    grpc.Server.prototype.addService = function (this: unknown, service: unknown, implementation: Implementation) {
        const served =
            service === services.ResourceProviderService ? withConfiguration(implementation, provider) : implementation;
        return addService.call(this, service as never, served as never);
    } as typeof addService;
    let started: Promise<void>;
    try {
        // `main` registers the service before its first await.
        started = main(provider, args);
    } finally {
        grpc.Server.prototype.addService = addService;
    }
    await started;
}
