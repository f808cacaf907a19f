import type * as pulumi from "@pulumi/pulumi";
import { checkResult, orderingCheckResult, withMissingCredentials } from "../lifecycle/results";
import { missingInternetxCredentials } from "../resources/connection";
import { missingIspmanagerCredentials } from "../resources/ispmanager/connection";
import { backendOf, Resource } from "../resources/resource";
import { lifecycleContext, pulumiWarning } from "./context";
import { operationContext } from "./operation";
import { plain } from "./plain";
import { resourceProgressLog } from "./progress";
import { readResult } from "./results";

type Properties = Record<string, unknown>;

/** The functions a serialized dynamic provider calls by name (providers.ts): the dynamic-provider contract. */
export interface DynamicOperations {
    check: (olds: Properties, news: Properties) => Promise<pulumi.dynamic.CheckResult>;
    diff: (id: string, olds: Properties, news: Properties) => Promise<pulumi.dynamic.DiffResult>;
    create: (inputs: Properties) => Promise<pulumi.dynamic.CreateResult>;
    read: (id: string, props?: Properties) => Promise<pulumi.dynamic.ReadResult>;
    update: (id: string, olds: Properties, news: Properties) => Promise<pulumi.dynamic.UpdateResult>;
    remove: (id: string, props: Properties) => Promise<void>;
}

const missingCredentials = { internetx: missingInternetxCredentials, ispmanager: missingIspmanagerCredentials };

/**
 * The dynamic provider's operations of a resource (provider/resources/registry.ts), derived from its lifecycle: the
 * connection is the resource's own argument, the stack config or the environment, so `check` reports what `up` would
 * miss; a resource that orders settles its order reference in `check` and its waits report under the resource (its
 * `progressUrn`) and end at the first Ctrl-C.
 */
export function dynamicOperations(resource: Resource): DynamicOperations {
    const missing = missingCredentials[backendOf(resource.declaration)];
    const context = (properties: Properties | undefined) =>
        resource.orders ? operationContext(properties) : lifecycleContext();
    return {
        check: async (olds, news) => {
            const checked = await resource.check(news);
            (checked.warnings ?? []).forEach(resourceProgressLog(news.progressUrn, pulumiWarning, "WARNING"));
            const { stackConfig } = lifecycleContext();
            const answer = withMissingCredentials(
                resource.orders ? orderingCheckResult(olds, news, checked) : checkResult(checked),
                missing(news.connection, stackConfig),
            );
            resource.announce?.(olds, answer.inputs, stackConfig);
            return answer;
        },
        diff: async (_id, olds, news) => resource.diff(olds, news, lifecycleContext().clock.now()),
        create: async (inputs) => {
            const result = await resource.create(inputs, context(inputs));
            return { id: result.id, outs: plain(result.outs) };
        },
        read: async (id, props) => readResult(await resource.read(id, props, lifecycleContext())),
        update: async (id, olds, news) => ({
            outs: plain((await resource.update(id, olds, news, context(news))).outs),
        }),
        remove: (id, props) => resource.delete(id, props, context(props)),
    };
}
