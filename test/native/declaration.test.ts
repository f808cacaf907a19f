import { join } from "node:path";
import { packageSchema } from "../../provider/native/schema";
import { definitionOf } from "../../provider/native/schema/resources";
import { declared as declaredDefinition } from "../../provider/native/schema/declared";
import type { ResourceDefinition } from "../../provider/native/schema/model";
import { diff as domainValidationDiff } from "../../provider/dynamic/domainValidation";
import { certificateDeclaration } from "../../provider/resources/certificate/declaration";
import { decideCertificateChange } from "../../provider/resources/certificate/decisions";
import { declaredInputs, declareResource, ResourceDeclaration } from "../../provider/resources/declaration";
import { domainValidationDeclaration } from "../../provider/resources/domainValidation/declaration";
import { ispmanagerCertificateDeclaration } from "../../provider/resources/ispmanager/declaration";
import { decideIspmanagerCertificateChange } from "../../provider/resources/ispmanager/decisions";
import { smimeCertificateDeclaration } from "../../provider/resources/smime/declaration";
import { decideSmimeChange } from "../../provider/resources/smime/decisions";
import { sslContactDeclaration } from "../../provider/resources/sslContact/declaration";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { dynamicResources } from "../../sdk/dynamicShapes";
import { expect } from "../support/client";

const declared: [ResourceDeclaration, ResourceDefinition][] = [
    sslContactDeclaration,
    domainValidationDeclaration,
    certificateDeclaration,
    smimeCertificateDeclaration,
    ispmanagerCertificateDeclaration,
].map((declaration) => [declaration, definitionOf(declaration.token)]);

/** Inputs only the dynamic resources take: the per-resource connection and Certificate's importCertificateId. */
const dynamicOnlyInputs = ["connection", "importCertificateId"];

const now = new Date("2026-01-01T00:00:00Z");
/** An issued certificate far from its renewal window, so only the changed input decides. */
const issued = { status: "ISSUED", notAfter: "2027-06-01T00:00:00Z" };

/** The kind each decision table decides when `property` alone changes (arrays compare for every input, SAN lists too). */
function decidedKinds(
    decide: (olds: Record<string, unknown>, news: Record<string, unknown>) => { kind: string },
    properties: readonly string[],
    base: Record<string, unknown> = {},
): Record<string, string> {
    return Object.fromEntries(
        properties.map((property) => [
            property,
            decide({ ...issued, ...base, [property]: ["old.example"] }, { ...base, [property]: ["new.example"] }).kind,
        ]),
    );
}

function everyKind(properties: readonly string[], kind: string): Record<string, string> {
    return Object.fromEntries(properties.map((property) => [property, kind]));
}

describe("each resource's declaration", () => {
    it("is what the generated schema marks replaceOnChanges, input by input", () => {
        const schema = packageSchema("0.1.0") as {
            resources: Record<string, { inputProperties: Record<string, { replaceOnChanges?: boolean }> }>;
        };
        for (const [declaration] of declared) {
            const inputs = schema.resources[declaration.token].inputProperties;
            const replacing = Object.keys(inputs).filter((name) => inputs[name].replaceOnChanges);
            expect(replacing, declaration.token).to.have.members([...declaration.changes.replace]);
        }
    });

    it("names every schema input exactly once, and besides them only the dynamic resources' connection and importCertificateId", () => {
        for (const [declaration, definition] of declared) {
            const named = declaredInputs(declaration);
            expect(
                named.filter((name, index) => named.indexOf(name) !== index),
                `${declaration.token} named twice`,
            ).to.deep.equal([]);
            expect(
                Object.keys(definition.inputs).filter((name) => !named.includes(name)),
                `${declaration.token} not declared`,
            ).to.deep.equal([]);
            expect(
                named.filter((name) => !(name in definition.inputs) && !dynamicOnlyInputs.includes(name)),
                `${declaration.token} not in the schema`,
            ).to.deep.equal([]);
        }
    });

    it("decides Certificate's replace, reissue and settings changes", () => {
        const decide = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
            decideCertificateChange(olds, news, now);
        const { replace, reissue, record } = certificateDeclaration.changes;
        expect(decidedKinds(decide, [...replace, ...reissue, ...record])).to.deep.equal({
            ...everyKind(replace, "replace"),
            ...everyKind(reissue, "reissue"),
            ...everyKind(record, "settings"),
        });
    });

    it("decides SmimeCertificate's replace, reissue and settings changes", () => {
        const decide = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
            decideSmimeChange(olds, news, now);
        const { replace, reissue, record } = smimeCertificateDeclaration.changes;
        expect(decidedKinds(decide, [...replace, ...reissue, ...record])).to.deep.equal({
            ...everyKind(replace, "replace"),
            ...everyKind(reissue, "reissue"),
            ...everyKind(record, "settings"),
        });
    });

    it("decides ispmanager.Certificate's changes, its subject replacing only without the program's CSR", () => {
        const { replace, reissue, record, replaceWithoutCsr } = ispmanagerCertificateDeclaration.changes;
        const withCsr = { csr: "-----BEGIN CERTIFICATE REQUEST-----" };
        expect(
            decidedKinds(
                decideIspmanagerCertificateChange,
                [...replace, ...reissue, ...record, ...replaceWithoutCsr],
                withCsr,
            ),
        ).to.deep.equal({
            ...everyKind(replace, "replace"),
            ...everyKind(reissue, "reissue"),
            ...everyKind(record, "settings"),
            ...everyKind(replaceWithoutCsr, "settings"),
        });
        expect(decidedKinds(decideIspmanagerCertificateChange, replaceWithoutCsr)).to.deep.equal(
            everyKind(replaceWithoutCsr, "replace"),
        );
    });

    it("has every output its state migrations add always present in the generated schema (required outputs), for DomainValidation dnsRecords and fileValidations", () => {
        const schema = packageSchema("0.1.0") as { resources: Record<string, { required?: string[] }> };
        const added = (declaration: ResourceDeclaration) =>
            declaration.stateMigrations.flatMap((migration) => migration.addedOutputs ?? []);
        for (const [declaration] of declared) {
            const required = schema.resources[declaration.token].required ?? [];
            expect(
                added(declaration).filter((name) => !required.includes(name)),
                declaration.token,
            ).to.deep.equal([]);
        }
        expect(added(domainValidationDeclaration)).to.deep.equal(["dnsRecords", "fileValidations"]);
    });

    it("cannot have a state migration add an output its schema does not describe", () => {
        const declaration = declareResource(
            "sslmanager:internetx:Example",
            {},
            [{ name: "recordsAsList", from: 0, migrate: (state) => state, addedOutputs: ["records"] }],
            { description: "An example.", inputs: {}, outputs: {} },
        );
        expect(() => declaredDefinition(declaration)).to.throw(
            "sslmanager:internetx:Example: a state migration adds the output records, which its schema does not describe",
        );
    });

    it("is what DomainValidation's diff updates in place: state of layout 0 changes without replacing, state of layout 1 does not change", async () => {
        const inputs = { csr: "csr", product: "QUICKSSLPREMIUM" };
        expect(
            await domainValidationDiff(
                "prepared",
                { ...inputs, dnsRecords: [], fileValidations: [], stateVersion: 1 },
                inputs,
            ),
        ).to.deep.equal({ changes: false, replaces: [] });
        expect(await domainValidationDiff("prepared", { ...inputs, stateVersion: 0 }, inputs)).to.deep.equal({
            changes: true,
            replaces: [],
        });
        expect(await domainValidationDiff("prepared", inputs, inputs)).to.deep.equal({ changes: true, replaces: [] });
    });

    it("is what DomainValidation's diff replaces on", async () => {
        for (const property of domainValidationDeclaration.changes.replace) {
            expect(
                await domainValidationDiff("prepared", { [property]: "old" }, { [property]: "new" }),
                property,
            ).to.deep.equal({ changes: true, replaces: [property] });
        }
    });

    it("is what the dynamic SDK's order reference hashes, in the declared order", () => {
        const hashed = dynamicResources
            .filter((resource) => resource.orderReferenceInputs)
            .map((resource) => [resource.schema.token, resource.orderReferenceInputs]);
        expect(hashed).to.deep.equal(
            [certificateDeclaration, smimeCertificateDeclaration, ispmanagerCertificateDeclaration].map(
                (declaration) => [declaration.token, declaration.changes.replace],
            ),
        );
    });
});

describe("the native provider", () => {
    it("reaches the resources without any module of the dynamic providers (madge over provider/native)", async function () {
        this.timeout(120_000);
        const madge = (await import("madge")).default;
        const graph = await madge(join(repositoryRoot, "provider", "native"), {
            fileExtensions: ["ts"],
            tsConfig: join(repositoryRoot, "tsconfig.json"),
        });
        expect(Object.keys(graph.obj()).filter((file) => /(^|\/)dynamic\//.test(file))).to.deep.equal([]);
    });
});
