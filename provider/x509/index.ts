export { csrFromPrivateKey, describePublicKey, generateKeyAndCsr, parseCsr } from "./csr";
export type { CsrInfo, CsrNames, GeneratedKeyAndCsr } from "./csr";
export { parseCertificate, privateKeyMatchesCertificate, readCertificate, verifyChain } from "./certificate";
export type { CertificateDetails, ChainVerification } from "./certificate";
export { generateKeyPair, importKeyPair, privateKeyToPem, signingAlgorithmFor } from "./keys";
export type { KeyAlgorithm, KeySpec } from "./keys";
export { distinguishedName } from "./names";
export type { SubjectFields } from "./names";
export { InvalidPemError, splitPemBlocks } from "./pem";
