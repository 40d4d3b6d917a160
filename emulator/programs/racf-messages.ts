/**
 * RACF command messages as IBM documents them (z/OS Security Server RACF Messages and Codes;
 * facts §7.2, §10.1). Each id keeps the meaning RACF gives it; where only the id is known
 * from a public source, the text is marked INF.
 *
 * RCs (INF): §7.2 says a re-run of IZUSEC prints `IKJ56702I INVALID ...` (DOC) and
 * typically ends RC 4 or 8 (INF). We give 8 to an ADDGROUP/ADDUSER of an existing name
 * (the command is rejected) and 4 to RDEFINE/RACDCERT of an existing profile, key ring or
 * label (a warning). Missing authority (no SPECIAL) is 8.
 */
export const RACF_RC = { alreadyDefinedInvalid: 8, alreadyDefinedWarning: 4, notAuthorized: 8, notFound: 8, listNotFound: 4, syntax: 12 };

export const racfMsg = {
  /** DOC §7.2 (IKJ56702I INVALID data on a re-run). */
  invalidGroup: (g: string) => `IKJ56702I INVALID GROUP, ${g}`,
  invalidUser: (u: string) => `IKJ56702I INVALID USERID, ${u}`,
  invalidClass: (c: string) => `IKJ56702I INVALID CLASS NAME, ${c}`,
  /** RDEFINE of an existing profile (CODE: galasa-dev zossecurity RacfOutputProcessing; 3P job log). */
  alreadyDefined: (profile: string, cls: string) => `ICH10102I ${profile} ALREADY DEFINED TO CLASS ${cls}.`,
  /** INF: authority messages without SPECIAL (§7.2 names the failure, not the text). */
  notAuthorized: (verb: string, what: string) => `ICH00007I INSUFFICIENT AUTHORITY TO ${verb} ${what}`,
  /** INF: no source found for this id or text; ICH00 is ADDGROUP's message prefix (DOC: RACF Messages and Codes, ICH messages for RACF commands). */
  undefinedGroup: (g: string) => `ICH00004I GROUP ${g} NOT DEFINED TO RACF`,
  /** §10.1: undefined user id(s) named in a command (CONNECT, PERMIT ID()); the command does nothing. */
  undefinedUser: (u: string) => `ICH21001I UNDEFINED USER ID(S) = ${u}`,
  /** DOC (RACF Messages and Codes, ICH06004I): "profile-name NOT DEFINED TO RACF"; PERMIT of a name with no discrete profile. */
  profileNotDefined: (p: string) => `ICH06004I ${p} NOT DEFINED TO RACF`,
  /** §10.1 listing answers that mean "not there". */
  profileNotFound: (p: string) => `ICH13003I ${p} NOT FOUND`,
  listGroupNotFound: (g: string) => `ICH51003I NAME ${g} NOT FOUND IN RACF DATA SET`,
  listUserNotFound: (u: string) => `ICH30001I UNABLE TO LOCATE USER ENTRY ${u}`,
  /** INF: messages of a successful define. */
  protectedUser: (u: string) => `ICH01024I User ${u} is defined as PROTECTED.`,
  gidAssigned: (g: string, gid: number) => `IRR52174I Group ${g} was assigned an OMVS GID value of ${gid}.`,
  uidAssigned: (u: string, uid: number) => `IRR52177I User ${u} was assigned an OMVS UID value of ${uid}.`,
  setroptsComplete: `ICH14063I SETROPTS command complete.`,
  /** REFRESH of a class that is not RACLISTed had no effect (CODE: galasa-dev zossecurity). */
  refreshNotRaclisted: (cls: string) => `ICH14070I SETROPTS RACLIST REFRESH had no effect on class ${cls}.`,
  /** INF: no source found for IKJ56712I; TSO/E Messages documents its neighbours IKJ56702I INVALID data and IKJ56713I INVALID VALUE. */
  syntax: (detail: string) => `IKJ56712I INVALID KEYWORD, ${detail}`,
  /** §10.1 / CODE (galasa-dev zossecurity): LIST or CONNECT of a label that does not exist. */
  certNotFound: () => `IRRD107I No matching certificate was found for this user.`,
  /** CODE (galasa-dev zossecurity): LIST of a user that owns no certificate. */
  noCertificates: (u: string) => `IRRD105I No certificate information was found for user ${u}.`,
  /** §10.1: GENCERT/ADD of a certificate that is already defined (text after a 3P job log). */
  certExists: (label: string) => `IRRD109I The certificate cannot be added. Profile for label '${label}' is already defined.`,
  /** DOC IRRD114I. */
  ringNotFound: (ring: string) => `IRRD114I Ring ${ring} does not exist.`,
  /** DOC IRRD115I: LISTRING for a user who has no rings. */
  noRings: (u: string) => `IRRD115I User ${u} has no rings.`,
  /** DOC IRRD116I: REMOVE of a label that is not in the ring. */
  labelNotInRing: (label: string, ring: string, u: string) => `IRRD116I Label ${label} does not exist in ring ${ring} for user ${u}.`,
  /** ADDRING of an existing ring (id: CODE galasa-dev zossecurity, "keyring already exists"; text INF). */
  ringExists: (ring: string) => `IRRD122I Ring ${ring} already exists.`,
  /** INF. */
  racdcertAuth: `IRRD103I You are not authorized to issue the RACDCERT command.`,
};
