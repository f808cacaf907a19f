import { Client } from "../../provider/internetx/client";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import type { CertificateInputs } from "../../provider/resources/certificate/inputs";
import { expect } from "./client";
import type { StackConfig } from "../../provider/lifecycle/context";
import type { RunningSimulator } from "../../simulator/internetx";

/** The simulator's settings as the stack config `internetx:*`, as `configure` delivers it in a real run. */
export function stackConfigFor(simulator: RunningSimulator, protocol: "json" | "xml"): StackConfig {
    const settings: Record<string, string> = {
        "internetx:user": simulator.user,
        "internetx:password": simulator.password,
        "internetx:context": simulator.context,
        "internetx:url": simulator.url,
        "internetx:xmlUrl": simulator.xmlUrl,
        "internetx:protocol": protocol,
    };
    return settings;
}

/**
 * The `connection` input of a lifecycle test that is not about pacing: the highest request rate the input accepts, so
 * the client does not wait between requests (InterNetX's 3 per second stays the default everywhere else, and the tests
 * of the rate limit keep it). Pair it with a simulator started with `requestsPerSecond: 0`, which then answers no 429.
 */
export const unpacedConnection = { requestsPerSecond: 1000 } as const;

/** The test SSL contact as SslContact's inputs. */
export const testContactInputs = {
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@example.com",
    phone: "+49-941-1234560",
    organization: "Example GmbH",
    address: ["Maximilianstrasse 36"],
    postalCode: "93047",
    city: "Regensburg",
    country: "DE",
};

/** The same contact as the API's SslContactCreate request (InterNetX help "Ordering SSL Certificates" field names). */
export const testContactRequest = {
    fname: "Ada",
    lname: "Lovelace",
    phone: "+49-941-1234560",
    email: "ada@example.com",
    organization: "Example GmbH",
    address: ["Maximilianstrasse 36"],
    pcode: "93047",
    city: "Regensburg",
    country: "DE",
};

/** An SSL contact at the simulator, for orders that need one; its id. */
export async function createTestContact(simulator: RunningSimulator): Promise<string> {
    const client = new Client({
        url: simulator.url,
        user: simulator.user,
        password: simulator.password,
        context: simulator.context,
    });
    try {
        return (await client.sslcontact.create(testContactRequest)).id;
    } finally {
        await client.close();
    }
}

/** A certificate's inputs as check answers them, with the test contact and the defaults every lifecycle test uses; check must accept them. */
export async function checkedCertificateInputs(
    contactId: string,
    inputs: Record<string, unknown>,
): Promise<CertificateInputs> {
    const result = await checkCertificateInputs({
        adminContactId: contactId,
        technicalContactId: contactId,
        product: "QUICKSSLPREMIUM",
        lifetimeMonths: 12,
        pollIntervalSeconds: 0.1,
        ...inputs,
    });
    expect(result.failures).to.deep.equal([]);
    return result.inputs!;
}
