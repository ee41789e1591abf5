/// The XSD for mission files (`Missions/*.xml`), as printed by `consortium schema mission`.
let missionSchema = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- Consortium mission file schema, version 1.
         A campaign of one or more missions: the element instances each agency contributes, the interface
         contracts between them, the launches, launch windows and objectives of each mission, a risk
         register, and how common costs are shared. A single mission is a campaign of one. -->
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
    \#(commonSchemaTypes)
      <xs:simpleType name="Architecture">
        <xs:restriction base="xs:string">
          <xs:enumeration value="lead-agency"/>
          <xs:enumeration value="two-blocs"/>
          <xs:enumeration value="integrated-barter"/>
          <xs:enumeration value="parallel-national"/>
          <xs:enumeration value="bilateral"/>
          <xs:enumeration value="national"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="Body">
        <xs:restriction base="xs:string">
          <xs:enumeration value="moon"/>
          <xs:enumeration value="mars"/>
        </xs:restriction>
      </xs:simpleType>

      <xs:element name="campaign">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="description" type="Text" minOccurs="0"/>
            <xs:element name="source" type="Source" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="assume" type="Assume" minOccurs="0" maxOccurs="1000"/>
            <xs:element name="cost-sharing" type="CostSharing" minOccurs="0"/>
            <xs:element name="funding" type="Funding" minOccurs="0" maxOccurs="100"/>
            <xs:element name="fixed-cost" type="FixedCost" minOccurs="0" maxOccurs="1000"/>
            <xs:element name="element" type="ElementInstance" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="contract" type="Contract" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="mission" type="Mission" maxOccurs="unbounded"/>
            <xs:element name="risk" type="Risk" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="hazard" type="Hazard" minOccurs="0" maxOccurs="100"/>
            <xs:element name="status" type="Status" minOccurs="0"/>
          </xs:sequence>
          <xs:attribute name="id" type="Identifier" use="required"/>
          <xs:attribute name="name" type="Text" use="required"/>
          <xs:attribute name="lead" type="Identifier" use="required"/>
          <xs:attribute name="architecture" type="Architecture" use="required"/>
          <xs:attribute name="start" type="Date" use="required"/>
          <xs:attribute name="key-milestone" type="Identifier">
            <xs:annotation><xs:documentation>
              The campaign's key milestone for joint confidence (NPR 7120.5's JCL: the probability of meeting a
              cost and a date for a stated milestone): an objective (achieved) or a launch (flown) of this file.
              Its JCL counts the spending up to that day; `--milestone ID` names another. The view over every
              objective is reported apart.
            </xs:documentation></xs:annotation>
          </xs:attribute>
          <xs:attributeGroup ref="Provenance"/>
        </xs:complexType>
      </xs:element>

      <xs:complexType name="Assume">
        <xs:annotation><xs:documentation>
          This campaign's value of one of the model's named assumptions (Assumptions/model.xml), e.g.
          &lt;assume parameter="rework-probability-bespoke" value="0.1" source="..."/&gt;. It replaces the
          library's value for runs of this campaign; `--assume NAME=VALUE` on the command line replaces both.
        </xs:documentation></xs:annotation>
        <xs:attribute name="parameter" type="Identifier" use="required"/>
        <xs:attribute name="value" type="Amount" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="CostSharing">
        <xs:annotation><xs:documentation>
          Common costs (operations of shared infrastructure) and how they are split: who-builds-pays (each
          agency in proportion to the development cost it carries), fixed-shares (the declared percentages,
          as in the ISS common systems operations costs), or equal.
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="share" minOccurs="0" maxOccurs="100">
            <xs:complexType>
              <xs:attribute name="agency" type="Identifier" use="required"/>
              <xs:attribute name="percent" type="Amount" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="common-cost" minOccurs="0" maxOccurs="100">
            <xs:complexType>
              <xs:attribute name="id" type="Identifier" use="required"/>
              <xs:attribute name="name" type="Text" use="required"/>
              <xs:attribute name="musd-per-year" type="Amount" use="required"/>
              <xs:attribute name="from" type="CostEvent" use="required"/>
              <xs:attribute name="to" type="CostEvent" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
        <xs:attribute name="policy" use="required">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:enumeration value="who-builds-pays"/>
              <xs:enumeration value="fixed-shares"/>
              <xs:enumeration value="equal"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:attribute>
      </xs:complexType>

      <xs:simpleType name="CostEvent">
        <xs:annotation><xs:documentation>
          When a running cost starts or stops: `start` (the campaign's start, never before its status date),
          `end` (the campaign's end: its last mission's end, its cancellation or the horizon), `launch:ID` (as
          a start, the launch's first attempt; as a stop, the end of its flight or its being given up),
          `arrival:ID` (the element in place), or a date YYYY-MM-DD.
        </xs:documentation></xs:annotation>
        <xs:union memberTypes="Date">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:pattern value="start|end|(launch|arrival):[a-z0-9][a-z0-9._\-]{0,63}"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:union>
      </xs:simpleType>

      <xs:complexType name="FixedCost">
        <xs:annotation><xs:documentation>
          A programme's fixed cost per year (sustaining engineering, production support, ground systems, a
          programme office), paid by one agency from one event to another, and not after the programme is
          cancelled or the agency withdraws. It is time-dependent: a slip that keeps the programme running
          longer costs it more.
        </xs:documentation></xs:annotation>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="name" type="Text" use="required"/>
        <xs:attribute name="agency" type="Identifier" use="required"/>
        <xs:attribute name="musd-per-year" type="Amount" use="required"/>
        <xs:attribute name="from" type="CostEvent" use="required"/>
        <xs:attribute name="until" type="CostEvent" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Funding">
        <xs:annotation><xs:documentation>
          The funding line an agency puts into this campaign per fiscal year of the agency (its budget's
          fiscal-year-start-month), in MUSD: an appropriation for this programme, not the agency's whole
          budget. Years after the last stated one keep the last amount; years before the first take the first.
          `unspent`: carry-over (money left at a year's end stays available) or lapse (it is lost); a deficit
          always carries. `short-first`: what gives way when the line is short: development (its variable
          work slows, so it stretches and its standing army costs more), launches (a launch the line cannot pay
          waits until it can; development keeps its pace) or operations (the agency's operations go unfunded while
          the line cannot also fund development at full pace; the element keeps working). An agency with no
          funding line in the campaign is unconstrained.
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="year" maxOccurs="200">
            <xs:complexType>
              <xs:attribute name="fy" type="Year" use="required"/>
              <xs:attribute name="amount-m" type="Amount" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
        <xs:attribute name="agency" type="Identifier" use="required"/>
        <xs:attribute name="unspent" default="carry-over">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:enumeration value="carry-over"/>
              <xs:enumeration value="lapse"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:attribute>
        <xs:attribute name="short-first" default="development">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:enumeration value="development"/>
              <xs:enumeration value="launches"/>
              <xs:enumeration value="operations"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:attribute>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="ElementInstance">
        <xs:annotation><xs:documentation>
          One element built for this campaign: which design, which agency contributes (and pays for) it,
          when its development starts, and how much of it is already done at the campaign start.
          `pricing` is how the agency buys it from its builder (the design's prime, or the agency whose
          catalog holds the design): `cost-plus` (default) passes the builder's cost growth to the agency;
          `fixed-price` leaves growth with the builder up to the assumptions' `fixed-price-overrun-absorbed`
          share of the price, the agency paying the rest; schedule growth reaches the agency either way.
        </xs:documentation></xs:annotation>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="design" type="Identifier" use="required"/>
        <xs:attribute name="agency" type="Identifier" use="required"/>
        <xs:attribute name="start" type="Date" use="required"/>
        <xs:attribute name="progress" type="Probability" default="0"/>
        <xs:attribute name="pricing" default="cost-plus">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:enumeration value="cost-plus"/>
              <xs:enumeration value="fixed-price"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:attribute>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Contract">
        <xs:annotation><xs:documentation>
          An interface contract: `provider` delivers `element` to `consumer` for integration with its
          `counterpart`, built to `standard` at `revision`, by `need-by`; verification of the interface takes
          `verification-days`. What the provider receives in return is listed as return entries.
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="return" minOccurs="0" maxOccurs="20">
            <xs:complexType>
              <xs:attribute name="kind" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="crew-seat"/>
                    <xs:enumeration value="flight"/>
                    <xs:enumeration value="cash"/>
                    <xs:enumeration value="common-cost-offset"/>
                    <xs:enumeration value="surface-access"/>
                    <xs:enumeration value="data"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="count" type="Count" default="1"/>
              <xs:attribute name="value-musd" type="Amount" use="required"/>
              <xs:attribute name="note" type="Text"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="provider" type="Identifier" use="required"/>
        <xs:attribute name="consumer" type="Identifier" use="required"/>
        <xs:attribute name="element" type="Identifier" use="required"/>
        <xs:attribute name="counterpart" type="Identifier" use="required"/>
        <xs:attribute name="standard" type="Identifier" use="required"/>
        <xs:attribute name="revision" type="Identifier" use="required"/>
        <xs:attribute name="need-by" type="Date" use="required"/>
        <xs:attribute name="verification-days" type="Days" use="required"/>
        <xs:attribute name="penalty-musd-per-month" type="Amount" default="0"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Mission">
        <xs:sequence>
          <xs:element name="description" type="Text" minOccurs="0"/>
          <xs:element name="windows" type="Windows" minOccurs="0"/>
          <xs:element name="launch" type="Launch" maxOccurs="50"/>
          <xs:element name="dock" minOccurs="0" maxOccurs="50">
            <xs:annotation><xs:documentation>
              After arrival, `element` docks or berths to `target` through the interface of `contract`.
            </xs:documentation></xs:annotation>
            <xs:complexType>
              <xs:attribute name="element" type="Identifier" use="required"/>
              <xs:attribute name="target" type="Identifier" use="required"/>
              <xs:attribute name="contract" type="Identifier"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="objective" maxOccurs="50">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="needs" maxOccurs="100">
                  <xs:complexType>
                    <xs:attribute name="element" type="Identifier" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attribute name="id" type="Identifier" use="required"/>
              <xs:attribute name="name" type="Text" use="required"/>
              <xs:attribute name="target" type="Date"/>
              <xs:attribute name="on-loss" default="lose">
                <xs:annotation><xs:documentation>
                  What follows when an element it needs is lost on arrival, in docking or in operation:
                  `rebuild` builds it again (its launch's rebuild-fraction of its development) and flies it
                  on a new launch of the same vehicle; `lose` (the default) ends the objective.
                </xs:documentation></xs:annotation>
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="rebuild"/>
                    <xs:enumeration value="lose"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="completion-days" type="Days" default="0">
                <xs:annotation><xs:documentation>
                  Days from the moment the last needed element is in place to the event that completes the
                  objective (the crew's landing on Earth, the samples' arrival on Earth): the objective is
                  dated then.
                </xs:documentation></xs:annotation>
              </xs:attribute>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="name" type="Text" use="required"/>
        <xs:attribute name="body" type="Body" use="required"/>
        <xs:attribute name="after" type="IdentifierList"/>
        <xs:attribute name="transit-days" type="Days" use="required"/>
        <xs:attribute name="duration-days" type="Days" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Windows">
        <xs:annotation><xs:documentation>
          Launch windows: `lunar` (roughly monthly opportunities) or `mars` (every synodic period, 779.9
          days, from a reference window opening), each open for `width-days`.
        </xs:documentation></xs:annotation>
        <xs:attribute name="kind" use="required">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:enumeration value="lunar"/>
              <xs:enumeration value="mars"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:attribute>
        <xs:attribute name="reference" type="Date" use="required"/>
        <xs:attribute name="period-days" type="PositiveDays" use="required"/>
        <xs:attribute name="width-days" type="Days" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Launch">
        <xs:annotation><xs:documentation>
          One launch. Concept of operations: `after-launches` names launches of the same mission whose
          payload must be in place (arrived, and docked where it docks) before this one flies; a launch
          carrying a crewed element is also held on the ground until every element its payload docks to
          (through docks, transitively) is in place. `ready-with` names launches of the same mission that
          must be integrated and ready to fly first (a lander waits on the ground for its crew's stack, not
          in space). `transit-days` overrides the destination's transit
          (near Earth, leo and gto, from the model assumptions; deep space, the mission's transit-days).
          A `refuelling` child requires tanker flights before the launch flies.
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="payload" maxOccurs="20">
            <xs:complexType>
              <xs:attribute name="element" type="Identifier" use="required"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="alternate" minOccurs="0" maxOccurs="10">
            <xs:annotation><xs:documentation>
              A vehicle the payload may move to, in order of preference, when the launch's vehicle is lost
              (its owner withdraws or it is retired); its capacity to the destination must carry the payload.
            </xs:documentation></xs:annotation>
            <xs:complexType>
              <xs:attribute name="vehicle" type="Identifier" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="refuelling" minOccurs="0">
            <xs:annotation><xs:documentation>
              Propellant loading: `flights` successful tanker flights of `vehicle`, each paid at the
              vehicle's price, at its cadence and with its reliability, all within `within-days` of the
              first (boil-off), before the launch flies. A fill not done in time is lost and starts again.
            </xs:documentation></xs:annotation>
            <xs:complexType>
              <xs:attribute name="vehicle" type="Identifier" use="required"/>
              <xs:attribute name="flights" type="PositiveCount" use="required"/>
              <xs:attribute name="within-days" type="PositiveDays" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="vehicle" type="Identifier" use="required"/>
        <xs:attribute name="destination" type="Destination" use="required"/>
        <xs:attribute name="earliest" type="Date"/>
        <xs:attribute name="on-failure" default="rebuild">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:enumeration value="rebuild"/>
              <xs:enumeration value="lose"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:attribute>
        <xs:attribute name="rebuild-fraction" type="Probability" default="0.5"/>
        <xs:attribute name="after-launches" type="IdentifierList"/>
        <xs:attribute name="ready-with" type="IdentifierList"/>
        <xs:attribute name="transit-days" type="Days"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Hazard">
        <xs:annotation><xs:documentation>
          A programmatic hazard at a yearly rate `per-year` (each trial draws its time, exponential with that
          rate): `partner-exit` (`agency` leaves; its unfinished work passes to `taker` after
          `transfer-days`, or is lost), `cancellation` (the campaign ends: every unfinished element and
          objective is lost, "programme cancelled"), `vehicle-retirement` (`vehicle` stops flying; its
          launches move to their alternates, or are lost).
        </xs:documentation></xs:annotation>
        <xs:attribute name="kind" use="required">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:enumeration value="partner-exit"/>
              <xs:enumeration value="cancellation"/>
              <xs:enumeration value="vehicle-retirement"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:attribute>
        <xs:attribute name="per-year" type="Probability" use="required"/>
        <xs:attribute name="agency" type="Identifier"/>
        <xs:attribute name="taker" type="Identifier"/>
        <xs:attribute name="vehicle" type="Identifier"/>
        <xs:attribute name="transfer-days" type="Days" default="365"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Risk">
        <xs:annotation><xs:documentation>
          A discrete risk from the risk register: with `probability` per trial it strikes `element` during
          `phase` (or the agency's developments), adding `impact-days` and `impact-musd`.
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="description" type="Text" minOccurs="0"/>
        </xs:sequence>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="element" type="Identifier" use="required"/>
        <xs:attribute name="phase" type="Identifier"/>
        <xs:attribute name="probability" type="Probability" use="required"/>
        <xs:attribute name="impact-days" type="Days" use="required"/>
        <xs:attribute name="impact-musd" type="Amount" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
      <xs:complexType name="Status">
        <xs:annotation><xs:documentation>
          What is known of the campaign on the status `date` (the public record, cited with `source`): the
          actuals. Trials start from the status date and draw nothing before it. Each actual is dated on or
          before the status date.
          - delivered: `element` was delivered on `date`; it books no development cost in the trials and is
            never late (its contracts are settled at that date).
          - phase-done: `element`'s development is past `phase` (and every earlier phase, in the design's
            order); it resumes at the next phase on the status date.
          - flown: `launch` flew on `date` with `outcome`; its payload must be delivered. A success puts the
            payload on its way (it arrives `transit-days` later, or on the `arrived` date); a failure grounds
            the vehicle for its stand-down from that date and applies the launch's on-failure policy from the
            status date. The vehicle's flight record (successes, attempts) in its agency file must already
            count every flown launch: a flown launch is not added to it again.
          - arrived: a flown launch's payload reached its destination on `date` (in place, working, docked).
          - achieved: `objective` was achieved on `date`.
          - spent: what `agency` spent on the campaign in `fiscal-year` (on `element` when given), in MUSD of
            that year, booked in the ledger as sunk cost ("sunk"); no other cost is booked before the status
            date.
          Elements with no actual that started before the status date resume on it, with `progress` read as
          the share of their development done on the status date.
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="delivered" minOccurs="0" maxOccurs="unbounded">
            <xs:complexType>
              <xs:attribute name="element" type="Identifier" use="required"/>
              <xs:attribute name="date" type="Date" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="phase-done" minOccurs="0" maxOccurs="unbounded">
            <xs:complexType>
              <xs:attribute name="element" type="Identifier" use="required"/>
              <xs:attribute name="phase" type="Identifier" use="required"/>
              <xs:attribute name="date" type="Date" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="flown" minOccurs="0" maxOccurs="unbounded">
            <xs:complexType>
              <xs:attribute name="launch" type="Identifier" use="required"/>
              <xs:attribute name="date" type="Date" use="required"/>
              <xs:attribute name="outcome" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="success"/>
                    <xs:enumeration value="failure"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="arrived" minOccurs="0" maxOccurs="unbounded">
            <xs:complexType>
              <xs:attribute name="launch" type="Identifier" use="required"/>
              <xs:attribute name="date" type="Date" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="achieved" minOccurs="0" maxOccurs="unbounded">
            <xs:complexType>
              <xs:attribute name="objective" type="Identifier" use="required"/>
              <xs:attribute name="date" type="Date" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="spent" minOccurs="0" maxOccurs="unbounded">
            <xs:complexType>
              <xs:attribute name="agency" type="Identifier" use="required"/>
              <xs:attribute name="element" type="Identifier"/>
              <xs:attribute name="fiscal-year" type="Year" use="required"/>
              <xs:attribute name="musd" type="Amount" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
        <xs:attribute name="date" type="Date" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
    </xs:schema>
    """#
