// Help text shared by several commands.
export const EXIT_CODES_HELP = `
Exit codes:
  0  no finding at or above --fail-on (default: high)
  1  findings at or above --fail-on
  2  usage error (unknown option, bad value, missing path)
  3  internal error (set BULWARK_DEBUG=1 for a stack trace)`;

/** For commands that write files and report no findings (init, skills build). */
export const SETUP_EXIT_CODES_HELP = `
Exit codes:
  0  done (files written, or already up to date)
  2  usage error (unknown option, bad value, a path that cannot be written)
  3  internal error (set BULWARK_DEBUG=1 for a stack trace)`;
