"""A program with three typing mistakes, for the type checker to find through the generated SDK's annotations (it is
type-checked only, never run): a string for an integer input, a string for an integer field of a nested input type,
and an argument the resource does not have."""

import pulumi_sslmanager as sslmanager

sslmanager.internetx.Certificate(
    "www",
    sslmanager.internetx.CertificateArgs(
        product="QUICKSSLPREMIUM",
        lifetime_months="twelve",
        admin_contact_id="17",
        technical_contact_id="17",
        private_key=sslmanager.internetx.PrivateKeyArgs(algorithm="RSA", rsa_bits="2048"),
    ),
)
sslmanager.internetx.SslContact("alice", first_name="Alice", last_name="Example", email="alice@example.com", phone="+49.1", organization="Example", address="Street 1", postal_code="12345", city="Berlin", country="DE", mailbox="alice")
