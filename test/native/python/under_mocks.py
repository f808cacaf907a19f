"""Runs the generated Python SDK (pulumi_sslmanager) on the Pulumi Python SDK under its unit-test mocks
(`pulumi.runtime.set_mocks`, "Unit testing Pulumi programs" in Pulumi's documentation) and prints, as one JSON
document, what the SDK sent to the engine and what the program's outputs resolved to.

The monitor is Pulumi's MockMonitor with two additions an engine would make: it records each
RegisterResourceRequest as sent (type, name, provider reference, version, acceptSecrets, additionalSecretOutputs and
the serialized inputs), and it returns the outputs a request names in additionalSecretOutputs as secrets, as the
engine does (RegisterResourceRequest.additionalSecretOutputs in Pulumi's resource.proto). The test compares the
document with exact expectations.
"""

import json
import os
import sys

from google.protobuf import json_format, struct_pb2

import pulumi
from pulumi.runtime.mocks import MockMonitor

# The Pulumi wire format's marker of a secret value ("Secrets" in Pulumi's property value serialization).
SIGNATURE_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270"

registrations = []
observed = {}
refusals = {}


def is_secret_value(value: struct_pb2.Value) -> bool:
    return value.HasField("struct_value") and value.struct_value.fields[SIGNATURE_KEY].string_value == SECRET_SIGNATURE


class EngineMonitor(MockMonitor):
    def RegisterResource(self, request):
        response = super().RegisterResource(request)
        if request.type == "pulumi:pulumi:Stack":
            return response
        registrations.append(
            {
                "type": request.type,
                "name": request.name,
                "custom": request.custom,
                "provider": request.provider,
                "version": request.version,
                "acceptSecrets": request.acceptSecrets,
                "additionalSecretOutputs": list(request.additionalSecretOutputs),
                "inputs": json_format.MessageToDict(request.object),
            }
        )
        for name in request.additionalSecretOutputs:
            if name in response.object.fields and not is_secret_value(response.object.fields[name]):
                plain = struct_pb2.Value()
                plain.CopyFrom(response.object.fields[name])
                secret = struct_pb2.Struct()
                secret.fields[SIGNATURE_KEY].string_value = SECRET_SIGNATURE
                secret.fields["value"].CopyFrom(plain)
                response.object.fields[name].struct_value.CopyFrom(secret)
        return response


# The outputs the provider computes at creation, as its create would return them (besides the inputs).
COMPUTED = {
    "sslmanager:internetx:Certificate": {
        "certificateId": "4711",
        "status": "ACTIVE",
        "certificatePem": "-----BEGIN CERTIFICATE-----\nMIIBwww\n-----END CERTIFICATE-----\n",
        "privateKeyPem": "-----BEGIN PRIVATE KEY-----\nMIIEwww\n-----END PRIVATE KEY-----\n",
        "issuedNames": ["www.example.com", "example.com"],
        "dnsValidationRecord": {"name": "_dnsauth.www.example.com.", "type": "TXT", "ttl": 300, "value": "token-www"},
    },
    "sslmanager:internetx:SmimeCertificate": {
        "certificateId": "4712",
        "status": "ACTIVE",
        "privateKeyPem": "-----BEGIN PRIVATE KEY-----\nMIIEmail\n-----END PRIVATE KEY-----\n",
        "pkcs12Base64": "MIIKpkcs12",
        "emailAddresses": ["alice@example.com"],
    },
}


class ProviderState(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        return f"{args.name}-id", {**args.inputs, **COMPUTED.get(args.typ, {})}

    def call(self, args: pulumi.runtime.MockCallArgs):
        return {}, None


mocks = ProviderState()
pulumi.runtime.set_mocks(mocks, preview=False, monitor=EngineMonitor(mocks))

import pulumi_sslmanager as sslmanager  # noqa: E402 (the mocks must be set before the SDK registers resources)


async def resolve(output: pulumi.Output) -> dict:
    return {"value": await output.future(), "secret": await output.is_secret()}


@pulumi.runtime.test
def program():
    provider = sslmanager.Provider(
        "sslmanager",
        sslmanager.ProviderArgs(
            internetx_url="https://127.0.0.1:8443",
            internetx_user="api-user",
            internetx_password="api-password",
            internetx_context="4",
            internetx_demo=True,
            internetx_requests_per_second=3,
        ),
    )
    options = pulumi.ResourceOptions(provider=provider)
    certificate = sslmanager.internetx.Certificate(
        "www",
        sslmanager.internetx.CertificateArgs(
            product="QUICKSSLPREMIUM",
            lifetime_months=12,
            admin_contact_id="17",
            technical_contact_id="17",
            name="www.example.com",
            private_key=sslmanager.internetx.PrivateKeyArgs(algorithm="RSA", rsa_bits=2048),
            subject_alternative_names=["example.com"],
            validation=sslmanager.internetx.ValidationArgs(method="DNS", provisioning=True),
        ),
        options,
    )
    smime = sslmanager.internetx.SmimeCertificate(
        "alice",
        sslmanager.internetx.SmimeCertificateArgs(
            email="alice@example.com",
            product="SMIME_BASIC",
            lifetime_months=12,
            admin_contact_id="17",
            first_name="Alice",
            last_name="Example",
            download_password="download-password",
            private_key=sslmanager.internetx.SmimePrivateKeyArgs(algorithm="RSA", rsa_bits=3072),
        ),
        options,
    )
    try:
        sslmanager.internetx.Certificate("incomplete", lifetime_months=12, admin_contact_id="17", technical_contact_id="17", opts=options)
    except TypeError as error:
        refusals["certificateWithoutProduct"] = str(error)

    async def collect():
        observed["certificate"] = {
            "id": await resolve(certificate.id),
            "certificateId": await resolve(certificate.certificate_id),
            "status": await resolve(certificate.status),
            "subjectAlternativeNames": await resolve(certificate.subject_alternative_names),
            "issuedNames": await resolve(certificate.issued_names),
            "privateKeyPem": await resolve(certificate.private_key_pem),
            "dnsValidationRecordValue": await resolve(certificate.dns_validation_record.apply(lambda record: None if record is None else record.value)),
            "dnsValidationRecordTtl": await resolve(certificate.dns_validation_record.apply(lambda record: None if record is None else record.ttl)),
            "privateKeyRsaBits": await resolve(certificate.private_key.apply(lambda key: None if key is None else key.rsa_bits)),
        }
        observed["smimeCertificate"] = {
            "id": await resolve(smime.id),
            "email": await resolve(smime.email),
            "emailAddresses": await resolve(smime.email_addresses),
            "downloadPassword": await resolve(smime.download_password),
            "privateKeyPem": await resolve(smime.private_key_pem),
            "pkcs12Base64": await resolve(smime.pkcs12_base64),
        }

    return pulumi.Output.from_input(collect())


program()
# The SDK registers resources from several threads: sorted by type, the order is fixed.
print(json.dumps({"registrations": sorted(registrations, key=lambda registration: registration["type"]), "outputs": observed, "refusals": refusals}, sort_keys=True))
sys.stdout.flush()
# The mocks leave an asyncio event loop to the interpreter's shutdown, whose finalizer can meet its selector already
# collected and print "Exception ignored" to stderr, now and then. The result is printed: the process ends here.
os._exit(0)
