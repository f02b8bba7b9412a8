/* penal-exit.h: the process exit codes of the penal command, in one place. */
#pragma once

/* The sysexits.h values, so scripts can tell a bad command line from bad
 * statute data from a missing file. */
typedef enum
{
  PENAL_EXIT_OK = 0,          /* an answer was printed (decided or not) */
  PENAL_EXIT_USAGE = 64,      /* bad option, command, fact or value */
  PENAL_EXIT_DATAERR = 65,    /* a statute file is malformed or unsound */
  PENAL_EXIT_NOINPUT = 66,    /* a statute file or directory is missing */
  PENAL_EXIT_SOFTWARE = 70,   /* an internal error: a bug in penal */
  PENAL_EXIT_IOERR = 74,      /* writing the answer failed */
} PenalExit;
