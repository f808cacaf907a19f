import * as pulumi from "@pulumi/pulumi";

export interface SimulatorDnsRecordArgs {
    adminUrl: pulumi.Input<string>;
    name: pulumi.Input<string>;
    type: pulumi.Input<string>;
    value: pulumi.Input<string>;
}

/** A DNS record "published" through the simulator's admin endpoint: the stand-in for a DNS provider resource. */
const provider: pulumi.dynamic.ResourceProvider = {
    async create(inputs) {
        const response = await fetch(`${inputs.adminUrl}/dns`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ name: inputs.name, type: inputs.type, value: inputs.value }),
        });
        if (!response.ok) throw new Error(`publishing ${inputs.name} failed: HTTP ${response.status}`);
        return { id: `${inputs.name}/${inputs.type}`, outs: inputs };
    },
    async delete(_id, outs) {
        const response = await fetch(`${outs.adminUrl}/dns`, {
            method: "DELETE",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ name: outs.name, type: outs.type, value: outs.value }),
        });
        if (!response.ok) throw new Error(`removing ${outs.name} failed: HTTP ${response.status}`);
    },
};

export class SimulatorDnsRecord extends pulumi.dynamic.Resource {
    constructor(name: string, args: SimulatorDnsRecordArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, args, opts, "examples", "SimulatorDnsRecord");
    }
}
