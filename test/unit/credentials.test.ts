import { expect } from "chai";
import { missingProviderCredentials } from "../../provider/native/configuration";
import { missingInternetxCredentials } from "../../provider/resources/connection";
import { missingIspmanagerCredentials } from "../../provider/resources/ispmanager/connection";
import { unknownValue } from "../../provider/resources/unknowns";

/** What `up` would refuse for want of credentials is a check failure, so a preview refuses it too. */
describe("credentials missing at check", () => {
    it("names, for a dynamic InterNetX resource, the stack config key, the environment variable and the argument of each missing setting", () => {
        expect(missingInternetxCredentials({ user: "ada" }, { "internetx:context": "4" }, {})).to.deep.equal([
            {
                property: "",
                reason: "InterNetX password is not set: set the stack config internetx:password (pulumi config set --secret internetx:password) or the environment variable AUTODNS_PASSWORD, or give connection.password",
            },
        ]);
    });

    it("finds nothing missing when the argument, the stack config and the environment give one setting each", () => {
        expect(
            missingInternetxCredentials({ user: "ada" }, { "internetx:password": "secret" }, { AUTODNS_CONTEXT: "4" }),
        ).to.deep.equal([]);
    });

    it("leaves a setting not known yet at preview (a connection built from another resource's output) for up", () => {
        expect(
            missingInternetxCredentials({ user: "ada", password: unknownValue, context: "4" }, undefined, {}),
        ).to.deep.equal([]);
    });

    it("names, for a dynamic BILLmanager certificate, ispmanager:user and ISPMANAGER_USER, ispmanager:password and ISPMANAGER_PASSWORD", () => {
        expect(missingIspmanagerCredentials(undefined, {}, {}).map((failure) => failure.reason)).to.deep.equal([
            "BILLmanager user is not set: set the stack config ispmanager:user (pulumi config set ispmanager:user) or the environment variable ISPMANAGER_USER, or give connection.user",
            "BILLmanager password is not set: set the stack config ispmanager:password (pulumi config set --secret ispmanager:password) or the environment variable ISPMANAGER_PASSWORD, or give connection.password",
        ]);
    });

    it("names, for the native provider, its own configuration keys (sslmanager:internetxPassword, sslmanager:ispmanagerUser) and the same environment variables", () => {
        expect(
            missingProviderCredentials("internetx", { user: "ada", context: "4" }, {}).map((failure) => failure.reason),
        ).to.deep.equal([
            "InterNetX password is not set: set the stack config sslmanager:internetxPassword (pulumi config set --secret sslmanager:internetxPassword) or the environment variable AUTODNS_PASSWORD, or give internetxPassword of an explicit provider",
        ]);
        expect(
            missingProviderCredentials("ispmanager", { password: "secret" }, {}).map((failure) => failure.reason),
        ).to.deep.equal([
            "BILLmanager user is not set: set the stack config sslmanager:ispmanagerUser (pulumi config set sslmanager:ispmanagerUser) or the environment variable ISPMANAGER_USER, or give ispmanagerUser of an explicit provider",
        ]);
        expect(
            missingProviderCredentials(
                "ispmanager",
                {},
                { ISPMANAGER_USER: "ivan@example.com", ISPMANAGER_PASSWORD: "secret" },
            ),
        ).to.deep.equal([]);
    });
});
