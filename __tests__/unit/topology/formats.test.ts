import { describe, expect, test } from "vitest";
import type { z } from "zod";
import {
  basePath,
  dataSetName,
  ipv4,
  ipv4Mask,
  jobName,
  jobPrefix,
  keyringName,
  keystore,
  memberRef,
  profileName,
  redisAddress,
  ussPath,
} from "../../../src/topology/formats";

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

interface Table {
  name: string;
  schema: z.ZodType;
  good: unknown[];
  bad: unknown[];
}

const tables: Table[] = [
  {
    name: "key ring name",
    schema: keyringName,
    good: ["IZUKeyring.IZUDFLT", "ring", "A".repeat(237), "Ring_1-x@#$"],
    bad: [
      "",
      "A".repeat(238),
      "IZU Keyring",
      "IZUKeyring.IZUDFLT)ID(IBMUSER",
      "ring,ring",
      "'ring'",
      '"ring"',
      "*",
      "user/ring",
      "ring\nADDUSER",
      "ring;x",
    ],
  },
  {
    name: "z/OS UNIX path",
    schema: ussPath,
    good: ["/global/zosmf/zosmfa", "/a", "/.hidden/x", "/a/b.c/d_e-f", "/a..b", `/${"n".repeat(255)}`, `/${"a/".repeat(510)}ab`],
    bad: [
      "/",
      "global/zosmf",
      "/global/zosmf/",
      "/global//zosmf",
      "/global/zosmf/../../etc",
      "/global/./zosmf",
      "/..",
      "/z;rm${IFS}-rf${IFS}/",
      "/a b",
      "/a'b",
      "/a$(id)",
      "/a`id`",
      "/a|b",
      "/a&b",
      "/a\nb",
      "/a*b",
      "/ä",
      `/${"n".repeat(256)}`,
      `/${"a/".repeat(511)}a`,
    ],
  },
  {
    name: "IPv4 unicast address",
    schema: ipv4,
    good: ["192.0.2.10", "10.0.0.1", "1.1.1.1", "223.255.255.254", "198.51.100.255"],
    bad: [
      "0.0.0.0",
      "0.1.2.3",
      "127.0.0.1",
      "127.255.255.254",
      "224.0.0.1",
      "239.1.1.1",
      "240.0.0.1",
      "255.255.255.255",
      "192.0.2",
      "192.0.2.256",
      "01.2.3.4",
      " 192.0.2.1",
      "192.0.2.1/24",
    ],
  },
  {
    name: "subnet mask",
    schema: ipv4Mask,
    good: ["255.255.255.0", "255.255.255.255", "255.255.255.254", "255.255.240.0", "255.0.0.0", "128.0.0.0"],
    bad: ["0.0.0.0", "255.0.255.0", "255.255.255.1", "255.255.0.255", "192.0.2.1", "255.255.255.256"],
  },
  {
    name: "job name",
    schema: jobName,
    good: ["IZUSVR1", "@JOB", "#1", "$ABCDEFG", "izusvr1"],
    bad: ["", "1JOB", "JOB_A", "JOBNAME12", "JOB A", "JOB,A", "JOB*", "JOB\n//X"],
  },
  {
    name: "job-name prefix",
    schema: jobPrefix,
    good: ["ZCHA*", "ZCH?1", "Z*", "ZCHA1"],
    bad: ["*", "?ABC", "ZCHA**123", "ZC HA", "ZCHA*;"],
  },
  {
    name: "data set name",
    schema: dataSetName(),
    good: ["SYS1.PARMLIB", "@HA.#X.$Y", "A-B.C", `${"ABCDEFGH.".repeat(4)}ABCDEFG`, "a.b"],
    bad: [
      "",
      "1SYS.PARMLIB",
      "SYS1..PARMLIB",
      "SYS1.PARMLIB.",
      ".SYS1",
      "SYS1.-X",
      "SYS1.ABCDEFGHI",
      `${"ABCDEFGH.".repeat(4)}ABCDEFGH.A`,
      "SYS1.PARMLIB(X)",
      "SYS1 .X",
      "SYS1.P'X",
    ],
  },
  {
    name: "member of a data set",
    schema: memberRef,
    good: ["SITE.JCL(IZUSEC)", "A(@#$)", "a.b(c)"],
    bad: ["SITE.JCL", "SITE.JCL()", "SITE.JCL(1SEC)", "SITE.JCL(IZUSEC9XX)", "SITE.JCL(A)(B)", "SITE.JCL(A) X"],
  },
  {
    name: "profile name",
    schema: profileName,
    good: ["lpar1", "lpar1.zosmf", "my_profile-2"],
    bad: ["", "a b", "a;b", "a'b", "x".repeat(101)],
  },
  {
    name: "base path",
    schema: basePath,
    good: ["/ibmzosmf/api/v1", "ibmzosmf/api/v1", "/gateway"],
    bad: ["/", "/a/../b", "/a//b", "/a?x=1", "/a#b", "http://x/y", "/a b"],
  },
  {
    name: "Redis address",
    schema: redisAddress,
    good: ["redis.example.com:6379", "user:pa%24s@redis.example.com:6379", "user@10.0.0.1:6379"],
    bad: ["redis.example.com", "u:${{ zowe.x }}@h:1", "u:p'q@h:1", "h:1\nx: y", "h:1 extra"],
  },
  {
    name: "key store",
    schema: keystore,
    good: ["/global/zowe/keystore.p12", "safkeyring://ZWESVUSR/ZoweKeyring", "safkeyring:////ZoweKeyring"],
    bad: ["keystore.p12", "/a/../b", "safkeyring://ZWESVUSR/Zowe Keyring", "safkeyring://TOOLONGUSER/r"],
  },
];

describe.each(tables)("$name", ({ schema, good, bad }) => {
  test.each(good.map((v) => [v]))("accepts %j", (value) => {
    expect(accepts(schema, value)).toBe(true);
  });
  test.each(bad.map((v) => [v]))("refuses %j", (value) => {
    expect(accepts(schema, value)).toBe(false);
  });
});
