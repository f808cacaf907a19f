import { readFileSync } from "node:fs";
import { z } from "zod";
import { certificateInputsSchema } from "../../provider/resources/certificate/inputs";
import { domainValidationInputsSchema } from "../../provider/resources/domainValidation/lifecycle";
import { ispmanagerCertificateInputsSchema } from "../../provider/resources/ispmanager/inputs";
import { smimeInputsSchema } from "../../provider/resources/smime/inputs";
import { sslContactInputsSchema } from "../../provider/resources/sslContact/inputs";
import { configVariables, packageSchema, resources } from "../../provider/native/schema";
import { schemaFile, schemaText } from "../../scripts/native/schema";
import { expect } from "../support/client";

type Spec = {
    properties: Record<string, { secret?: boolean; description?: string }>;
    inputProperties: Record<string, { secret?: boolean; description?: string }>;
    required: string[];
    requiredInputs: string[];
};

describe("the sslmanager package schema", () => {
    const schema = packageSchema("0.1.0") as {
        resources: Record<string, Spec>;
        config: { variables: Record<string, { secret?: boolean }> };
        types: Record<string, { description?: string; properties?: Record<string, { description?: string }> }>;
    };

    it("is checked in as schema.json exactly as provider/native/schema writes it (npm run schema)", () => {
        expect(readFileSync(schemaFile, "utf8")).to.equal(schemaText());
    });

    it("names the five resources by their tokens", () => {
        expect(Object.keys(schema.resources)).to.deep.equal([
            "sslmanager:internetx:SslContact",
            "sslmanager:internetx:DomainValidation",
            "sslmanager:internetx:Certificate",
            "sslmanager:internetx:SmimeCertificate",
            "sslmanager:ispmanager:Certificate",
        ]);
    });

    it("has the lifecycle's input names for every resource, less the per-resource connection (the provider's configuration), importCertificateId (pulumi import) and the SDK's hidden orderReference and progressUrn", () => {
        const lifecycleInputs: Record<string, z.AnyZodObject> = {
            "sslmanager:internetx:SslContact": sslContactInputsSchema,
            "sslmanager:internetx:DomainValidation": domainValidationInputsSchema,
            "sslmanager:internetx:Certificate": certificateInputsSchema,
            "sslmanager:internetx:SmimeCertificate": smimeInputsSchema,
            "sslmanager:ispmanager:Certificate": ispmanagerCertificateInputsSchema,
        };
        for (const [token, zodSchema] of Object.entries(lifecycleInputs)) {
            const expected = Object.keys(zodSchema.shape).filter(
                (name) => !["connection", "importCertificateId", "orderReference", "progressUrn"].includes(name),
            );
            expect(Object.keys(schema.resources[token].inputProperties), token).to.have.members(expected);
        }
    });

    it("describes every input, output, type property and config variable", () => {
        const undescribed: string[] = [];
        for (const [token, resource] of Object.entries(schema.resources)) {
            for (const [name, property] of Object.entries(resource.properties))
                if (!property.description) undescribed.push(`${token}.${name}`);
        }
        // Object types describe each property; string enum types (the known products) describe themselves.
        for (const [token, type] of Object.entries(schema.types)) {
            if (!type.description) undescribed.push(token);
            for (const [name, property] of Object.entries(type.properties ?? {}))
                if (!property.description) undescribed.push(`${token}.${name}`);
        }
        expect(undescribed).to.deep.equal([]);
        expect(
            resources
                .flatMap((resource) => Object.values({ ...resource.inputs, ...resource.outputs }))
                .every((property) => property.description.length > 0),
        ).to.equal(true);
    });

    it("marks the private keys, the PKCS#12, the download password and both API passwords secret, and nothing else", () => {
        const secret = Object.entries(schema.resources).flatMap(([token, resource]) =>
            Object.entries(resource.properties)
                .filter(([, property]) => property.secret)
                .map(([name]) => `${token}.${name}`),
        );
        expect(secret).to.deep.equal([
            "sslmanager:internetx:Certificate.privateKeyPem",
            "sslmanager:internetx:SmimeCertificate.downloadPassword",
            "sslmanager:internetx:SmimeCertificate.privateKeyPem",
            "sslmanager:internetx:SmimeCertificate.pkcs12Base64",
            "sslmanager:ispmanager:Certificate.privateKeyPem",
        ]);
        expect(
            Object.entries(schema.config.variables)
                .filter(([, variable]) => variable.secret)
                .map(([name]) => name),
        ).to.deep.equal(["internetxPassword", "ispmanagerPassword"]);
        expect(
            Object.keys(configVariables).every((name) => name.startsWith("internetx") || name.startsWith("ispmanager")),
        ).to.equal(true);
    });
});
