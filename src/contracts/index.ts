/**
 * Pact contracts: recorded from every run's case results (`conform run`), verified against a
 * vendor with the Pact Verifier (`conform verify`), published to a Pact Broker (`conform contracts
 * publish`). See docs/contracts.md.
 */
export { recordContracts, startRecording, type ContractRecording, type RecordedContract, type RecordOptions } from './record.ts';
export { contractFile, contractSettings, type ContractSettings } from './settings.ts';
export { ContractFileError, readContract, readContracts, type StoredContract } from './contract-file.ts';
export { contractBroken } from './contract-broken.ts';
export { verifyContract, type ContractVerification, type InteractionVerdict } from './verification.ts';
export { brokerSettings, publishToBroker, type BrokerSettings, type PublishResult } from './broker.ts';
export { consumerVersion, providerVersion, type GitVersion } from './consumer-version.ts';
export { BrokerError, brokerIndex } from './broker-http.ts';
export { publishVerification, unpublishable, type ResultVersions } from './broker-verification.ts';
export { recordDeployment } from './broker-deployment.ts';
export { canIDeploy, type DeployAnswer, type DeployQuestion, type MatrixRow } from './broker-matrix.ts';
