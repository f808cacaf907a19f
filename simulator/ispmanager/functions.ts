import { generateKeyAndCsr, parseCsr } from "../../provider/x509";
import { approverAddresses, countries, tariffs } from "./catalog";
import { certificateZip } from "./certificateFile";
import { ApproverMethod, Issuance, IspmanagerModel, isDnsValidation, isPending, SimulatedCertificate } from "./model";
import { BillError, invalidParameter, missingCertificate, requiredParameter, SimulatorDocument } from "./render";

/** What a function answers: a document (rendered in the caller's `out`) or a file (certificate.file). */
export type Outcome = { document: SimulatorDocument } | { file: string | Buffer; contentType: string };

/**
 * Texts of the `certificate` list in the request's language: English with `lang=en`, otherwise the account's language
 * (Russian here), as BILLmanager localizes `item_status` and `status_msg`. The words are the simulator's own.
 */
const itemStatusTexts: Record<string, Record<string, string>> = {
    en: { "1": "Ordered", "2": "Active", "3": "Suspended", "4": "Deleted", "5": "Processing" },
    ru: { "1": "Заказан", "2": "Активен", "3": "Остановлен", "4": "Удален", "5": "Обрабатывается" },
};
const issuanceTexts: Record<string, Record<Issuance, string>> = {
    en: { requested: "Requested", enrolled: "Enrolled", issued: "Issued", failed: "Failed" },
    ru: { requested: "Запрошен", enrolled: "Ожидает проверки", issued: "Выпущен", failed: "Ошибка выпуска" },
};
const languageOf = (params: Parameters) => (params.lang === "en" ? "en" : "ru");

type Parameters = Record<string, string>;

const approverMethods: ApproverMethod[] = ["auth_email", "auth_dnstxt", "auth_file", "auth_cname"];
const contactFields = ["fname", "lname", "jtitle", "email", "phone"] as const;

function required(params: Parameters, name: string): string {
    const value = params[name];
    if (value === undefined || value.trim() === "") throw requiredParameter(name);
    return value;
}

/** Space-separated lists ("additional domains written with a space in the altname and altname_input parameters"). */
const spaceList = (value: string | undefined) => (value ?? "").split(/\s+/).filter(Boolean);

function tariffOf(params: Parameters) {
    const pricelist = required(params, "pricelist");
    const tariff = tariffs[pricelist];
    if (!tariff) throw invalidParameter("pricelist", pricelist, "no such tariff");
    const period = required(params, "period");
    if (!tariff.periodsMonths.includes(Number(period)))
        throw invalidParameter(
            "period",
            period,
            `${tariff.name} is offered for ${tariff.periodsMonths.join(" or ")} months`,
        );
    return { pricelist, tariff, periodMonths: Number(period) };
}

function certificateOf(model: IspmanagerModel, params: Parameters): SimulatedCertificate {
    const id = required(params, "elid");
    const certificate = model.find(id);
    if (!certificate) throw missingCertificate(id);
    return certificate;
}

async function readCsr(csrPem: string) {
    try {
        const csr = await parseCsr(csrPem);
        if (!csr.signatureValid) throw new Error("its signature does not verify");
        if (!csr.commonName) throw new Error("it has no common name");
        return csr;
    } catch (error) {
        throw invalidParameter("csr", undefined, (error as Error).message);
    }
}

/** The method, from those the tariff offers (catalog.ts; every known method where the sources name none). */
function approverMethodOf(params: Parameters, pricelist: string): ApproverMethod {
    const method = (params.approver_method || "auth_email") as ApproverMethod;
    const offered = tariffs[pricelist]?.validationMethods ?? approverMethods;
    if (!offered.includes(method))
        throw invalidParameter(
            "approver_method",
            method,
            `${tariffs[pricelist]?.name ?? "this tariff"} offers ${offered.join(", ")}`,
        );
    return method;
}

/** `approver_email_N` for the N-th domain (1 is the main one, then the additional ones), from the allowed mailboxes. */
function approverEmailsOf(params: Parameters, domains: string[], method: ApproverMethod): string[] {
    return domains.map((domain, index) => {
        const name = `approver_email_${index + 1}`;
        const email = params[name];
        if (!email) {
            if (method === "auth_email") throw requiredParameter(name);
            return "";
        }
        if (!approverAddresses(domain).includes(email.toLowerCase()))
            throw invalidParameter(name, email, `must be one of ${approverAddresses(domain).join(", ")}`);
        return email;
    });
}

function checkAltNames(
    tariffName: string,
    altNameAddon: string | undefined,
    altNames: string[],
    params: Parameters,
): void {
    if (altNames.length === 0) return;
    if (!altNameAddon) throw invalidParameter("altname", altNames.join(" "), `${tariffName} covers one domain only`);
    const count = params[`addon_${altNameAddon}`];
    if (count !== String(altNames.length))
        throw invalidParameter(
            `addon_${altNameAddon}`,
            count,
            `must be the number of additional domains (${altNames.length})`,
        );
}

function validationFields(model: IspmanagerModel, certificate: SimulatedCertificate): Record<string, string> {
    return {
        elid: certificate.id,
        domain: certificate.domain,
        altname: certificate.altNames.join(" "),
        pricelist: certificate.pricelist,
        period: String(certificate.periodMonths),
        ...(certificate.remoteId ? { remoteid: certificate.remoteId } : {}),
        status: certificate.status,
        approver_method: certificate.approverMethod,
        auth_dnstxt_value: certificate.token,
        auth_file_name: model.validationFileOf(certificate).name,
        auth_file_value: model.validationFileOf(certificate).content,
        auth_cname_name: model.cnameRecordOf(certificate).name,
        auth_cname_value: model.cnameRecordOf(certificate).value,
        ...(model.settings.hidesCsr ? {} : { csr: certificate.csrPem }),
    };
}

const handlers: Record<string, (model: IspmanagerModel, params: Parameters) => Promise<Outcome>> = {
    /** "Get the secret key" and "Get the list of countries with digital codes". */
    "certificate.order.csr": async (model, params): Promise<Outcome> => {
        const { pricelist, tariff, periodMonths } = tariffOf(params);
        if (params.sok !== "ok") {
            return {
                document: {
                    model: { pricelist, period: String(periodMonths) },
                    slist: { field_country: countries.map((country) => ({ k: country.id, v: country.name })) },
                },
            };
        }
        const countryId = required(params, "field_country");
        const country = countries.find((entry) => entry.id === countryId);
        if (!country) throw invalidParameter("field_country", countryId, "no such country id");
        const commonName = required(params, "CN");
        const altNames = spaceList(params.altname ?? params.altname_input);
        if (altNames.length > 0 && !tariff.altNameAddon)
            throw invalidParameter("altname", altNames.join(" "), `${tariff.name} covers one domain only`);
        const generated = await generateKeyAndCsr({
            key: { algorithm: "RSA", rsaBits: 2048 },
            commonName,
            subjectAlternativeNames: altNames,
            subject: {
                country: country.iso,
                state: required(params, "ST"),
                locality: required(params, "L"),
                organization: required(params, "O"),
                organizationalUnit: params.OU || undefined,
                emailAddress: params.emailAddress || undefined,
            },
        });
        model.counters.keysGenerated++;
        return { document: { model: { csr: generated.csrPem, key: generated.privateKeyPem } } };
    },

    /** "Order SSL certificate" (generate / manual, multi-domain); `remoteid` kept as the reseller's reference. */
    "certificate.order.param": async (model, params) => {
        required(params, "sok");
        if (params.skipbasket !== "on")
            throw invalidParameter(
                "skipbasket",
                params.skipbasket,
                "the simulator pays from the account only (skipbasket=on)",
            );
        const { pricelist, tariff, periodMonths } = tariffOf(params);
        const crtType = required(params, "crt_type");
        if (crtType !== "generate" && crtType !== "manual")
            throw invalidParameter("crt_type", crtType, "generate or manual");
        const csrPem = required(params, "csr");
        const csr = await readCsr(csrPem);
        let domain = csr.commonName!;
        if (crtType === "generate") {
            domain = required(params, "CN");
            if (domain.toLowerCase() !== csr.commonName!.toLowerCase())
                throw invalidParameter("CN", domain, `the CSR is for ${csr.commonName}`);
            required(params, "key");
            for (const name of ["ST", "L", "O", "field_country"]) required(params, name);
        }
        const altNames = spaceList(params.altname);
        checkAltNames(tariff.name, tariff.altNameAddon, altNames, params);
        const contacts: Record<string, string> = {};
        for (const prefix of ["adm", "tech"])
            for (const field of contactFields) contacts[`${prefix}_${field}`] = required(params, `${prefix}_${field}`);
        const approverMethod = approverMethodOf(params, pricelist);
        const approverEmails = approverEmailsOf(params, [domain, ...altNames], approverMethod);
        const certificate = model.add({
            remoteId: model.settings.dropsRemoteId ? undefined : params.remoteid || undefined,
            pricelist,
            periodMonths,
            domain,
            altNames,
            crtType,
            csrPem,
            keyPem: params.key,
            approverMethod,
            approverEmails,
            contacts,
        });
        return { document: { id: certificate.id, model: { elid: certificate.id } } };
    },

    /** "Reissue certificate": oldrequest, manual (new CSR), altname (new domains). */
    "certificate.reissue.step2": async (model, params) => {
        const certificate = certificateOf(model, params);
        required(params, "sok");
        if (certificate.issuance !== "issued")
            throw invalidParameter("elid", certificate.id, "only an issued certificate can be reissued");
        const crtType = required(params, "crt_type");
        const approverMethod = approverMethodOf(params, certificate.pricelist);
        let csrPem: string | undefined;
        let altNames = certificate.altNames;
        if (crtType === "manual") {
            csrPem = required(params, "csr");
            const csr = await readCsr(csrPem);
            if (csr.commonName!.toLowerCase() !== certificate.domain.toLowerCase())
                throw invalidParameter(
                    "csr",
                    undefined,
                    `the CSR is for ${csr.commonName}, the certificate for ${certificate.domain}`,
                );
            // A new CSR brings its own names: the domains of the reissued certificate are the CSR's (docs/ispmanager.md).
            altNames = csr.dnsNames.filter((name) => name.toLowerCase() !== certificate.domain.toLowerCase());
            const tariff = tariffs[certificate.pricelist];
            if (altNames.length > 0 && !tariff.altNameAddon)
                throw invalidParameter("csr", undefined, `${tariff.name} covers one domain only`);
        } else if (crtType === "altname") {
            if (params.altname === undefined) throw requiredParameter("altname");
            altNames = spaceList(params.altname);
            const tariff = tariffs[certificate.pricelist];
            if (altNames.length > 0 && !tariff.altNameAddon)
                throw invalidParameter("altname", params.altname, `${tariff.name} covers one domain only`);
        } else if (crtType !== "oldrequest") {
            throw invalidParameter("crt_type", crtType, "oldrequest, manual or altname");
        }
        const approverEmails = approverEmailsOf(params, [certificate.domain, ...altNames], approverMethod);
        model.startReissue(certificate, { csrPem, altNames, approverMethod, approverEmails });
        return { document: { id: certificate.id } };
    },

    "certificate.delete": async (model, params) => {
        const certificate = certificateOf(model, params);
        certificate.status = "4";
        model.counters.deletes++;
        return { document: {} };
    },

    /**
     * "Download an existing certificate" (`type=crt`): the stored file, a zip or plain PEM (certificateFile.ts), and
     * the validation file (`type=auth_file`).
     */
    "certificate.file": async (model, params) => {
        const certificate = certificateOf(model, params);
        const type = required(params, "type");
        if (type === "auth_file")
            return {
                file: validationFields(model, certificate).auth_file_value,
                contentType: "text/plain; charset=utf-8",
            };
        if (type !== "crt") throw invalidParameter("type", type, "crt or auth_file");
        if (!certificate.certificatePem)
            throw invalidParameter("elid", certificate.id, "the certificate has not been issued yet");
        if (model.settings.certificateFileFormat === "pem")
            return { file: certificate.certificatePem, contentType: "application/x-x509-ca-cert" };
        return {
            file: certificateZip(
                certificate.domain,
                certificate.certificatePem,
                model.ca.intermediatePem,
                model.ca.rootPem,
            ),
            contentType: "application/zip",
        };
    },

    /** "Get data for SSL certificate validation". */
    "certificate.edit": async (model, params) => ({
        document: { model: validationFields(model, certificateOf(model, params)) },
    }),

    /**
     * "Re-request for DNS validation": the CA looks at the records now. `domains`: one domain, or several separated by
     * commas as ISPsystem's GlobalSign module keeps them; a space is no separator.
     */
    "certificate.dns_verify": async (model, params) => {
        const certificate = certificateOf(model, params);
        required(params, "sok");
        const domains = required(params, "domains")
            .split(",")
            .map((domain) => domain.trim());
        for (const domain of domains)
            if (/\s/.test(domain) || domain === "")
                throw invalidParameter("domains", params.domains, "one domain, or domains separated by commas");
        for (const domain of domains)
            if (!model.domainsOf(certificate).includes(domain))
                throw invalidParameter("domains", domain, `not a domain of certificate ${certificate.id}`);
        model.counters.dnsVerifications++;
        if (isPending(certificate) && isDnsValidation(certificate.approverMethod)) {
            certificate.dnsCheckRequested = true;
            await model.advance();
        }
        return { document: {} };
    },

    /** "Re-request for email validation". */
    "certificate.domain_validation_email": async (model, params) => {
        const certificate = certificateOf(model, params);
        required(params, "sok");
        approverEmailsOf(params, [certificate.domain], "auth_email");
        model.counters.approverEmailsSent++;
        return { document: {} };
    },

    /**
     * The list of the account's certificates, in the columns of the function reference "SSL certificates
     * (certificate)" (`id`, `CN`, `pricelist` (the tariff's name), `createdate`, `expiredate`, `status_msg` (the
     * issuance state; with the CA's reason when it failed), `item_status` (localized) and `item_status_orig`, `cost`),
     * plus `pricelist_id` as other product lists carry it. Deleted certificates are left out.
     */
    certificate: async (model, params) => {
        const language = languageOf(params);
        return {
            document: {
                elem: [...model.certificates.values()]
                    .filter((certificate) => certificate.status !== "4")
                    .map((certificate) => ({
                        id: certificate.id,
                        CN: certificate.domain,
                        pricelist: tariffs[certificate.pricelist]?.name ?? certificate.pricelist,
                        pricelist_id: certificate.pricelist,
                        createdate: certificate.createdOn,
                        expiredate: certificate.notAfter ? certificate.notAfter.slice(0, 10) : "",
                        status_msg:
                            issuanceTexts[language][certificate.issuance] +
                            (certificate.issuance === "failed" && certificate.reason ? `: ${certificate.reason}` : ""),
                        item_status: itemStatusTexts[language][certificate.status],
                        item_status_orig: certificate.status,
                        cost: `${certificate.periodMonths === 24 ? "180.00" : "100.00"} EUR`,
                    })),
            },
        };
    },
};

export async function callFunction(
    model: IspmanagerModel,
    func: string | undefined,
    params: Parameters,
): Promise<Outcome> {
    const handler =
        func && !(model.settings.withoutSslModule && func.startsWith("certificate")) ? handlers[func] : undefined;
    if (!handler)
        throw new BillError({ type: "missed", object: "func", value: func, msg: `Unknown function '${func ?? ""}'` });
    return handler(model, params);
}

export const simulatedFunctions = Object.keys(handlers);
