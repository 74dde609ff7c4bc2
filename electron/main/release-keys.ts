/**
 * Release public keys built into the app (raw Ed25519, base64, from `kinerja release keygen`): a
 * city that builds the installer for its offices puts its key here, so no PC needs update.json
 * `releaseKeys`. Empty in the repository: each office or city has its own key (docs/lan-tls.md).
 */
export const builtInReleaseKeys: readonly string[] = [];
