import { describe, expect, it } from "vitest";
import { readHwscfg, readServerXml, type ConfigFacts } from "../../../src/servers-alike";

/* The readers on files written the way sites write them, and on what they must refuse to guess at. */

const offers = (r: ConfigFacts) => (r.ok ? r.facts.map((f) => f.offers) : r.problems);

const SERVER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<server description="z/OS Connect server ZCHA1">
    <!-- Enable features -->
    <featureManager>
        <feature>zosconnect:zosconnect-2.0</feature>
        <feature>zosconnect:imsmobile-2.0</feature>
    </featureManager>
    <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="-1" httpsPort="9443"/>
    <zosconnect_zosConnectAPIs location="/global/zosconnect/apis" updateTrigger="disabled">
        <zosConnectAPI name="claims"/>
        <zosConnectAPI name="payments &amp; refunds"/>
    </zosconnect_zosConnectAPIs>
    <zosconnect_services location="/global/zosconnect/services" updateTrigger="polled" pollingRate="100ms">
        <service name="inquireCustomer" />
        <service name='updateCustomer'/>
    </zosconnect_services>
    <zosconnect_apiRequesters location="/global/zosconnect/apiRequesters">
        <apiRequester name="weather_1.0.0"/>
    </zosconnect_apiRequesters>
    <imsmobile_imsConnection id="IMSCONN1" connectionFactoryRef="IMSCF1"/>
    <connectionFactory id="IMSCF1" containerAuthDataRef="IMSAUTH">
        <properties.gmoa hostName="192.0.2.2" portNumber="5801"/>
    </connectionFactory>
    <authData id="IMSAUTH" user="IMSUSER" password="{xor}Lz4sLCgwLTs="/>
</server>
`;

describe("z/OS Connect server.xml", () => {
  it("reads the APIs, services, API requesters, archive directories and IMS connections it defines", () => {
    expect(offers(readServerXml(SERVER_XML))).toEqual([
      "reads API archives from /global/zosconnect/apis",
      "offers API claims",
      "offers API payments & refunds",
      "reads service archives from /global/zosconnect/services",
      "offers service inquireCustomer",
      "offers service updateCustomer",
      "reads API requester archives from /global/zosconnect/apiRequesters",
      "offers API requester weather_1.0.0",
      "has IMS connection IMSCONN1 to 192.0.2.2:5801",
    ]);
  });

  it.each([
    ["a DOCTYPE", SERVER_XML.replace("<server", "<!DOCTYPE server [<!ENTITY api 'claims'>]>\n<server"), "line 2: a DOCTYPE"],
    [
      "an element that does not close",
      SERVER_XML.replace("</zosconnect_services>", ""),
      "line 25: </server> does not close <zosconnect_services>",
    ],
    ["an unknown entity", SERVER_XML.replace("claims", "&api;"), "line 10: <zosConnectAPI> attribute name uses an entity"],
    [
      "an include it does not follow",
      SERVER_XML.replace("<httpEndpoint", '<include location="${server.config.dir}/apis.xml"/>\n    <httpEndpoint'),
      "line 8: <include",
    ],
    [
      "a name left to a variable",
      SERVER_XML.replace('name="claims"', 'name="${apiName}"'),
      'line 10: <zosConnectAPI> name="${apiName}" depends on a variable',
    ],
    [
      "an API outside its list",
      SERVER_XML.replace("<httpEndpoint", '<zosConnectAPI name="loose"/>\n    <httpEndpoint'),
      "line 8: <zosConnectAPI> outside <zosconnect_zosConnectAPIs>",
    ],
    [
      "an IMS connection whose factory is elsewhere",
      SERVER_XML.replace('id="IMSCF1" containerAuthDataRef', 'id="OTHER" containerAuthDataRef'),
      "line 20: IMS connection IMSCONN1 refers to connectionFactory IMSCF1",
    ],
    ["a file that is not server.xml", "<client><zosConnectAPI name='x'/></client>", "line 1: the top element is <client>"],
    ["text after the top element", `${SERVER_XML}trailing`, "line 26: text outside the top element"],
  ])("does not guess at %s, and names the line", (_what, text, problem) => {
    const r = readServerXml(text);
    expect(r.ok).toBe(false);
    expect(offers(r).join(" | ")).toContain(problem);
  });
});

const HWSCFG = `*--------------------------------------------------------------------*
* IMS CONNECT CONFIGURATION FOR ICON1                                *
*--------------------------------------------------------------------*
HWS      (ID=ICON1,XIBAREA=20,RACF=Y,RRS=N)                             00010000
TCPIP    (HOSTNAME=TCPIP,PORTID=(5801,9999,LOCAL),MAXSOC=2000,          00020000
          TIMEOUT=5000,SSLPORTID=(5802))                                00030000
DATASTORE (ID=IMS1,GROUP=XCFGRP1,MEMBER=ICON1,TMEMBER=IMS1)             00040000
DATASTORE (ID=IMS2,GROUP=XCFGRP1,MEMBER=ICON1,TMEMBER=IMS2,             00050000
          APPL=APPLID1)                                                 00060000
`;

describe("IMS Connect HWSCFGxx", () => {
  it("reads RACF=, the ports and the data stores; ignores sequence numbers, comments and the instance's own names", () => {
    expect(offers(readHwscfg(HWSCFG))).toEqual([
      "has RACF=Y",
      "listens on port 5801",
      "listens on port 9999",
      "offers the IMS Connect LOCAL option",
      "listens on SSL port 5802",
      "reaches data store IMS1 (GROUP=XCFGRP1, TMEMBER=IMS1)",
      "reaches data store IMS2 (GROUP=XCFGRP1, TMEMBER=IMS2)",
    ]);
    // The instance's own names differ between instances and are not compared.
    const other = readHwscfg(HWSCFG.replaceAll("ICON1", "ICON2").replace("HOSTNAME=TCPIP", "HOSTNAME=TCPIPB"));
    expect(other.ok && other.facts.map((f) => f.key)).toEqual(
      readHwscfg(HWSCFG).ok && (readHwscfg(HWSCFG) as { facts: { key: string }[] }).facts.map((f) => f.key),
    );
  });

  it("reads PORT=(ID=) and takes RACF=N when RACF= is not given", () => {
    expect(offers(readHwscfg("HWS (ID=ICON1)\nTCPIP (HOSTNAME=TCPIP,PORT=(ID=5801,KEEPAV=5))\n"))).toEqual([
      "has RACF=N",
      "listens on port 5801",
    ]);
  });

  it.each([
    ["no HWS statement", "TCPIP (PORTID=(5801))\n", "no HWS statement"],
    ["a statement that does not close", "HWS (ID=ICON1)\nTCPIP (PORTID=(5801)\n", "line 2: TCPIP statement has a ( without its )"],
    ["a port that is not a number", "HWS (ID=ICON1)\nTCPIP (PORTID=(58O1))\n", 'line 2: TCPIP PORTID=(58O1) names "58O1"'],
    [
      "a DATASTORE without its IMS",
      "HWS (ID=ICON1)\nDATASTORE (ID=IMS1,GROUP=XCFGRP1)\n",
      "line 2: DATASTORE without ID, GROUP and TMEMBER",
    ],
    ["a line that is no statement", "HWS (ID=ICON1)\n/* comment */\n", "line 2: /* comment */ is not a statement"],
    ["a key given twice", "HWS (ID=ICON1,RACF=Y,RACF=N)\n", 'line 1: HWS has "RACF=N"'],
    [
      "a parameter written past column 72",
      `${"HWS (ID=ICON1,XIBAREA=20,".padEnd(72)}RACF=Y)\n`,
      "line 1: text in columns 73-80, which IMS Connect ignores: RACF=Y)",
    ],
  ])("does not guess at %s", (_what, text, problem) => {
    const r = readHwscfg(text);
    expect(r.ok).toBe(false);
    expect(offers(r).join(" | ")).toContain(problem);
  });
});
