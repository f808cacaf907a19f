import type { CheckFailure } from "./check";
import { unknownValue } from "./unknowns";

/** One credential `up` needs, with what was given for it and the names a person sets it under. */
export interface CredentialSetting {
    /** "InterNetX user", "BILLmanager password". */
    label: string;
    /** The value from the resource's argument or the provider's configuration (stack config), if any. */
    given: unknown;
    stackConfigKey: string;
    environmentVariable: string;
    /** The resource argument that can carry it too (`connection.password`), where there is one. */
    argument?: string;
    secret?: boolean;
}

/**
 * The credentials that `up` would refuse as missing (the clients' resolveClientOptions), found at `check` so that a
 * preview refuses them too: a setting given nowhere (argument, stack config, environment) is a failure of the
 * resource naming the stack config key and the environment variable. A value not known yet (a preview of a
 * connection built from other resources' outputs) counts as given.
 */
export function missingCredentials(settings: CredentialSetting[], environment: NodeJS.ProcessEnv): CheckFailure[] {
    return settings
        .filter(
            (setting) =>
                (setting.given === undefined || setting.given === "" || setting.given === null) &&
                !environment[setting.environmentVariable],
        )
        .filter((setting) => setting.given !== unknownValue)
        .map((setting) => ({
            property: "",
            reason:
                `${setting.label} is not set: set the stack config ${setting.stackConfigKey} ` +
                `(pulumi config set${setting.secret ? " --secret" : ""} ${setting.stackConfigKey}) or the environment variable ${setting.environmentVariable}` +
                (setting.argument ? `, or give ${setting.argument}` : ""),
        }));
}
