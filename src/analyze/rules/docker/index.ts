// The Dockerfile rules. Each module is one rule; this list is the only place they are named.
import type { Rule } from '../../rule.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import approvedBaseImages from './approved-base-images.js';
import aptAssumeYes from './apt-assume-yes.js';
import copyDestinationSlash from './copy-destination-slash.js';
import copyFromSelf from './copy-from-self.js';
import digestPinning from './digest-pinning.js';
import duplicateAliases from './duplicate-aliases.js';
import envSecrets from './env-secrets.js';
import exposeSsh from './expose-ssh.js';
import healthcheck from './healthcheck.js';
import latestTag from './latest-tag.js';
import maintainer from './maintainer.js';
import onlyOneCmd from './only-one-cmd.js';
import onlyOneEntrypoint from './only-one-entrypoint.js';
import onlyOneHealthcheck from './only-one-healthcheck.js';
import packageCache from './package-cache.js';
import pipeToShell from './pipe-to-shell.js';
import portRange from './port-range.js';
import rootUser from './root-user.js';
import runCd from './run-cd.js';
import sudo from './sudo.js';
import unpinnedPackages from './unpinned-packages.js';
import updateAlone from './update-alone.js';
import wgetAndCurl from './wget-and-curl.js';
import workdirAbsolute from './workdir-absolute.js';

export const dockerfileRules: Rule[] = [
  addInsteadOfCopy,
  approvedBaseImages,
  aptAssumeYes,
  copyDestinationSlash,
  copyFromSelf,
  digestPinning,
  duplicateAliases,
  envSecrets,
  exposeSsh,
  healthcheck,
  latestTag,
  maintainer,
  onlyOneCmd,
  onlyOneEntrypoint,
  onlyOneHealthcheck,
  packageCache,
  pipeToShell,
  portRange,
  rootUser,
  runCd,
  sudo,
  unpinnedPackages,
  updateAlone,
  wgetAndCurl,
  workdirAbsolute,
];
