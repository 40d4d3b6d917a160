import { describe, expect, it } from "vitest";
import { editIzuprm } from "../../../src/provision/zosmf-ha/izuprm-edit";
import { setProcDefaults } from "../../../src/provision/zosmf-ha/proc-edit";
import { haSettings } from "../../../src/provision/zosmf-ha/parmlib-step";
import { renderObeyMember } from "../../../src/provision/zosmf-ha/tcpip-step";
import { loadWorkflow } from "../../../src/provision/workflow-loader";
import { exampleTopology } from "./fixtures/topology";

const IZUPRM00 = `/* IZUPRM00 - site copy, do not remove this comment               */
HOSTNAME('*')                       /* HOSTNAME('old.example.com') */
HTTP_SSL_PORT(443)
JAVA_HOME('/usr/lpp/java/J17.0_64')
AUTOSTART_GROUP(NONE)
SAF_PREFIX(IZUDFLT)
SEC_GROUPS USER(IZUUSER),ADMIN(IZUADMIN),SECADMIN(IZUSECAD)
COMMON_TSO ACCT(IZUACCT) REGION(50000) PROC(IZUFPROC)
`;

describe("IZUPRMxx edit", () => {
  const t = exampleTopology("two-system.yaml");
  const out = editIzuprm(IZUPRM00, haSettings({ env: { topology: t } as never }, "SYSA"));

  it("keeps unrelated statements and comments byte for byte", () => {
    for (const line of [
      "/* IZUPRM00 - site copy, do not remove this comment               */",
      "JAVA_HOME('/usr/lpp/java/J17.0_64')",
      "SEC_GROUPS USER(IZUUSER),ADMIN(IZUADMIN),SECADMIN(IZUSECAD)",
      "COMMON_TSO ACCT(IZUACCT) REGION(50000) PROC(IZUFPROC)",
      "HTTP_SSL_PORT(443)",
    ]) {
      expect(out).toContain(line);
    }
  });

  it("changes HA statements in place, leaves commented-out text and equal values alone", () => {
    // In place it would push the comment past column 71: blanked there, written on its own line.
    expect(out).toContain("                                    /* HOSTNAME('old.example.com') */\n");
    expect(out).toContain("\nHOSTNAME('192.0.2.10')\n");
    expect(out).toContain("\nHTTP_SSL_PORT(443)\n");
    expect(out).toContain("AUTOSTART_GROUP('IZUDFLA')");
    // SAF_PREFIX(IZUDFLT) already means IZUDFLT: not rewritten.
    expect(out).toContain("SAF_PREFIX(IZUDFLT)\n");
    for (const added of [
      "AUTOSTART(LOCAL)",
      "KEYRING_NAME('IZUKeyring.IZUDFLT')",
      "SERVER_PROC(IZUSVRA)",
      "ANGEL_PROC(IZUANG1)",
      "USER_DIR('/global/zosmf/zosmfa')",
    ])
      expect(out).toContain(added);
  });

  it("is idempotent", () => {
    expect(editIzuprm(out, haSettings({ env: { topology: t } as never }, "SYSA"))).toBe(out);
  });
});

describe("procedure edit", () => {
  it("sets IZUPRM= on a continued PROC statement and nothing else", () => {
    const proc = "//IZUSVR1  PROC SESSION=IZUIS,\n//            IZUPRM=00\n//* comment\n//STEP EXEC PGM=BPXBATA2,REGION=0M\n";
    expect(setProcDefaults(proc, [{ name: "IZUPRM", value: "0A", field: "IZUPRM" }], "P")).toBe(proc.replace("IZUPRM=00", "IZUPRM=0A"));
  });
  it("adds IZUPRM= when the PROC statement has none", () => {
    expect(setProcDefaults("//IZUSVR1 PROC SESSION=IZUIS\n//S EXEC PGM=X\n", [{ name: "IZUPRM", value: "0B", field: "IZUPRM" }], "P")).toBe(
      "//IZUSVR1 PROC SESSION=IZUIS,IZUPRM=0B\n//S EXEC PGM=X\n",
    );
  });
});

describe("obey member", () => {
  const render = async (name: "two-system.yaml" | "three-system-all.yaml", system: string) => {
    const workflow = await loadWorkflow("zosmf-ha");
    return renderObeyMember({ env: { topology: exampleTopology(name) } as never, workflow, stepId: "tcpip" }, system);
  };

  it("distributor: DYNAMICXCF, VIPADEFINE and the HOTSTANDBY distribution", async () => {
    const text = await render("two-system.yaml", "SYSA");
    expect(text).toContain("IPCONFIG SYSPLEXROUTING DYNAMICXCF 198.51.100.1 255.255.255.0 1");
    expect(text).toContain("VIPADEFINE 255.255.255.0 192.0.2.10");
    expect(text).not.toContain("VIPABACKUP");
    // Both switches written out: the example's AUTOSWITCHBACK and healthSwitch false.
    expect(text).toMatch(
      /VIPADISTRIBUTE DEFINE DISTMETHOD HOTSTANDBY\n\s+AUTOSWITCHBACK\n\s+NOHEALTHSWITCH\n\s+192\.0\.2\.10 PORT 443\n\s+DESTIP\n\s+198\.51\.100\.1 PREFERRED\n\s+198\.51\.100\.2 BACKUP 1\n/,
    );
  });

  it("distributor's backup: VIPABACKUP plus the same VIPADISTRIBUTE", async () => {
    const a = await render("two-system.yaml", "SYSA");
    const b = await render("two-system.yaml", "SYSB");
    expect(b).toContain("VIPABACKUP 1 192.0.2.10");
    expect(b).not.toContain("VIPADEFINE");
    const dist = (s: string) => s.slice(s.indexOf("VIPADISTRIBUTE"), s.indexOf("ENDVIPADYNAMIC"));
    expect(dist(b)).toBe(dist(a));
  });

  it("NOAUTOSWITCHBACK, HEALTHSWITCH and ranks; other targets get only DYNAMICXCF", async () => {
    const edit = (t: string) => t.replace("autoSwitchBack: true", "autoSwitchBack: false");
    const workflow = await loadWorkflow("zosmf-ha");
    const topo = exampleTopology("three-system-all.yaml", edit);
    const a = renderObeyMember({ env: { topology: topo } as never, workflow, stepId: "tcpip" }, "SYSA");
    expect(a).toContain("DISTMETHOD HOTSTANDBY\n    NOAUTOSWITCHBACK\n    HEALTHSWITCH\n");
    expect(a).toMatch(/198\.51\.100\.2 BACKUP 100\n\s+198\.51\.100\.3 BACKUP 50/);
    const b = renderObeyMember({ env: { topology: topo } as never, workflow, stepId: "tcpip" }, "SYSB");
    expect(b).toContain("VIPABACKUP 100 192.0.2.10");
    const c = renderObeyMember({ env: { topology: topo } as never, workflow, stepId: "tcpip" }, "SYSC");
    expect(c).toContain("DYNAMICXCF 198.51.100.3");
    expect(c).not.toContain("VIPA");
  });
});
