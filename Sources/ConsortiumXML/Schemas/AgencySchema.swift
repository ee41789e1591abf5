import ConsortiumModel

/// The XSD for agency files (`Agencies/*.xml`), as printed by `consortium schema agency`.
let agencySchema = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- Consortium agency file schema, version 1.
         An agency (or a commercial provider): its budget, its tendency to grow cost and schedule, its
         policies, the interface standards it publishes, the element designs it can build and the launch
         services it sells. -->
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
    \#(commonSchemaTypes)
      <!-- ===== Agency ===== -->
      <xs:simpleType name="AgencyKind">
        <xs:restriction base="xs:string">
          <xs:enumeration value="national-agency"/>
          <xs:enumeration value="intergovernmental"/>
          <xs:enumeration value="commercial"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="ElementKind">
        <xs:restriction base="xs:string">
          <xs:enumeration value="crew-vehicle"/>
          <xs:enumeration value="habitat"/>
          <xs:enumeration value="service-module"/>
          <xs:enumeration value="lander"/>
          <xs:enumeration value="ascent-vehicle"/>
          <xs:enumeration value="rover"/>
          <xs:enumeration value="robotic-arm"/>
          <xs:enumeration value="power-propulsion"/>
          <xs:enumeration value="logistics"/>
          <xs:enumeration value="orbiter"/>
          <xs:enumeration value="sample-container"/>
          <xs:enumeration value="airlock"/>
          <xs:enumeration value="communications"/>
          <xs:enumeration value="surface-power"/>
          <xs:enumeration value="science-payload"/>
          <xs:enumeration value="return-vehicle"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="InterfaceFunction">
        <xs:restriction base="xs:string">
          <xs:enumeration value="docking"/>
          <xs:enumeration value="berthing"/>
          <xs:enumeration value="power"/>
          <xs:enumeration value="data"/>
          <xs:enumeration value="comms"/>
          <xs:enumeration value="avionics"/>
          <xs:enumeration value="robotics"/>
          <xs:enumeration value="thermal"/>
          <xs:enumeration value="eclss"/>
          <xs:enumeration value="rendezvous"/>
          <xs:enumeration value="navigation"/>
          <xs:enumeration value="mechanical"/>
        </xs:restriction>
      </xs:simpleType>

      <xs:element name="agency">
        <xs:annotation><xs:documentation>One agency or provider per file.</xs:documentation></xs:annotation>
        <xs:complexType>
          <xs:sequence>
            <xs:element name="description" type="Text" minOccurs="0"/>
            <xs:element name="source" type="Source" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="membership" type="Membership" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="budget" type="Budget" minOccurs="0"/>
            <xs:element name="growth" type="Growth" minOccurs="0"/>
            <xs:element name="no-cooperation-with" type="Restriction" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="export-regime" type="ExportRegime" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="capability" type="Capability" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="standard" type="Standard" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="design" type="Design" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="vehicle" type="Vehicle" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
          <xs:attribute name="id" type="Identifier" use="required"/>
          <xs:attribute name="name" type="Text" use="required"/>
          <xs:attribute name="kind" type="AgencyKind" use="required"/>
          <xs:attribute name="country" type="Text"/>
        </xs:complexType>
      </xs:element>

      <xs:complexType name="Membership">
        <xs:annotation><xs:documentation>
          A cooperation framework the agency belongs to: artemis-accords, ilrs, iss-partnership, esa-member...
        </xs:documentation></xs:annotation>
        <xs:attribute name="group" type="Identifier" use="required"/>
        <xs:attribute name="since" type="Date"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Budget">
        <xs:annotation><xs:documentation>
          What the agency can put into exploration per fiscal year, in millions of `currency` at `base-year`
          prices; `usd-per-unit` converts to US dollars. Years after the last listed year repeat it.
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
        <xs:attribute name="currency" type="Text" use="required"/>
        <xs:attribute name="usd-per-unit" type="Positive" use="required"/>
        <xs:attribute name="base-year" type="Year" use="required"/>
        <xs:attribute name="fiscal-year-start-month" use="required">
          <xs:simpleType>
            <xs:restriction base="xs:positiveInteger"><xs:maxInclusive value="12"/></xs:restriction>
          </xs:simpleType>
        </xs:attribute>
        <xs:attribute name="max-concurrent-developments" type="PositiveCount" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:simpleType name="GrowthFactor">
        <xs:annotation><xs:documentation>
          A growth factor, \#(ValueLimits.growthFactorRange.lowerBound) to \#(ValueLimits.growthFactorRange.upperBound). GAO's assessments of NASA's major projects put real factors
          between 1.0 and 2.0 (development cost growth averaged 13 % in GAO-09-306SP, 14.6 % in
          GAO-11-239SP); the worst, JWST, grew 140 %, a factor 2.4 (GAO-12-207SP). The range allows an underrun
          to half the estimate and twice the worst growth seen.
        </xs:documentation></xs:annotation>
        <xs:restriction base="xs:decimal">
          <xs:minInclusive value="\#(ValueLimits.growthFactorRange.lowerBound)"/>
          <xs:maxInclusive value="\#(ValueLimits.growthFactorRange.upperBound)"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:complexType name="Growth">
        <xs:annotation><xs:documentation>
          The growth of what the agency builds (as a design's owner or prime): lognormal factors from median
          and P90 that multiply the cost and duration of each element it builds, drawn per element and
          correlated within the builder and across the campaign (the assumptions' Gaussian copula,
          `growth-correlation-builder` and `growth-correlation-campaign`). A commercial builder's growth is its
          own overrun: under a `pricing="fixed-price"` element it pays that overrun up to
          `fixed-price-overrun-absorbed` of the price. Each P90 is at
          least its median and at most \#(ValueLimits.maximumGrowthSpread) times it (checked by `consortium validate`): the bundled agencies
          use 1.2 to 1.7 times, and wider spreads model no real programme.
        </xs:documentation></xs:annotation>
        <xs:attribute name="cost-median" type="GrowthFactor" use="required"/>
        <xs:attribute name="cost-p90" type="GrowthFactor" use="required"/>
        <xs:attribute name="schedule-median" type="GrowthFactor" use="required"/>
        <xs:attribute name="schedule-p90" type="GrowthFactor" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Restriction">
        <xs:annotation><xs:documentation>
          A party this agency may not cooperate with bilaterally, and why (e.g. the Wolf Amendment).
        </xs:documentation></xs:annotation>
        <xs:attribute name="party" type="Identifier" use="required"/>
        <xs:attribute name="reason" type="Text" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="ExportRegime">
        <xs:annotation><xs:documentation>
          An export-control regime (e.g. itar) under which this agency may receive controlled designs.
        </xs:documentation></xs:annotation>
        <xs:attribute name="name" type="Identifier" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Capability">
        <xs:annotation><xs:documentation>
          What the agency could build on its own if it had to (used for go-alone and Shapley coalitions): an
          element kind, and factors on the cost and duration of the cheapest design of that kind.
        </xs:documentation></xs:annotation>
        <xs:attribute name="kind" type="ElementKind" use="required"/>
        <xs:attribute name="cost-factor" type="Positive" use="required"/>
        <xs:attribute name="schedule-factor" type="Positive" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Standard">
        <xs:annotation><xs:documentation>
          An interface standard this agency publishes (published="true", e.g. IDSS) or a bespoke interface
          definition (published="false"), with its revisions.
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="revision" maxOccurs="50">
            <xs:complexType>
              <xs:attribute name="id" type="Identifier" use="required"/>
              <xs:attribute name="date" type="Date"/>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="name" type="Text" use="required"/>
        <xs:attribute name="function" type="InterfaceFunction" use="required"/>
        <xs:attribute name="published" type="xs:boolean" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Interface">
        <xs:attribute name="standard" type="Identifier" use="required"/>
        <xs:attribute name="revision" type="Identifier" use="required"/>
        <xs:attribute name="parameters" type="Text"/>
      </xs:complexType>

      <xs:complexType name="Design">
        <xs:annotation><xs:documentation>
          An element design: its development phases (three-point duration and cost each), the fixed monthly
          cost of its standing army (the time-dependent cost: a phase's cost-musd is its cost at its likely
          duration, and every day longer costs the standing army more), its operations cost per year from
          its arrival, its storage cost per month while it waits to launch (default: a share of its standing
          army, `storage-share-of-standing-army` in the assumptions), the interfaces it provides and requires, and its operational reliability
          over a mission. `crewed="true"` marks a design that carries a crew: its launch is held on the ground
          until what it meets is in place, and its launch failure or its failure in operation can be a loss of
          crew (README, "Loss of crew and losses of elements"). `max-days-in-space` is how long the element
          can wait at its destination before it is in place and every objective needing it has its elements
          in place (crewed endurance, cryogenic boil-off, surface survival); beyond it the element is lost
          (time in space exceeded).
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="description" type="Text" minOccurs="0"/>
          <xs:element name="phase" maxOccurs="10">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="duration-days" type="ThreePointDays"/>
                <xs:element name="cost-musd" type="ThreePoint"/>
              </xs:sequence>
              <xs:attribute name="name" type="Identifier" use="required"/>
            </xs:complexType>
          </xs:element>
          <xs:element name="provides" type="Interface" minOccurs="0" maxOccurs="50"/>
          <xs:element name="requires" type="Interface" minOccurs="0" maxOccurs="50"/>
        </xs:sequence>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="name" type="Text" use="required"/>
        <xs:attribute name="kind" type="ElementKind" use="required"/>
        <xs:attribute name="mass-kg" type="Amount" use="required"/>
        <xs:attribute name="reliability" type="Probability" use="required"/>
        <xs:attribute name="standing-army-musd-per-month" type="Amount" default="0"/>
        <xs:attribute name="operations-musd-per-year" type="Amount" default="0"/>
        <xs:attribute name="storage-musd-per-month" type="Amount"/>
        <xs:attribute name="crewed" type="xs:boolean" default="false"/>
        <xs:attribute name="max-days-in-space" type="PositiveDays"/>
        <xs:attribute name="prime" type="Identifier"/>
        <xs:attribute name="export-control" type="Identifier"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="Vehicle">
        <xs:annotation><xs:documentation>
          A launch service: flight record, price, capacity per destination and minimum days between launches.
          Its reliability is drawn per trial from Beta(alpha0 + s + w s_h, beta0 + f + w f_h): the prior
          Beta(alpha0, beta0) fitted to its `reference-class` (in the assumptions file), its own record (s
          successes, f failures), and the record of its `heritage` vehicle (s_h, f_h) counted with
          `heritage-weight` w. After a failure it is grounded for a stand-down drawn from the assumptions
          file's record of real return-to-flight durations.
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="capacity" maxOccurs="10">
            <xs:complexType>
              <xs:attribute name="destination" type="Destination" use="required"/>
              <xs:attribute name="kg" type="Amount" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="name" type="Text" use="required"/>
        <xs:attribute name="successes" type="Count" use="required"/>
        <xs:attribute name="attempts" type="Count" use="required"/>
        <xs:attribute name="price-musd" type="Amount" use="required"/>
        <xs:attribute name="min-days-between-launches" type="Days" use="required"/>
        <xs:attribute name="reference-class" type="Identifier" use="required"/>
        <xs:attribute name="heritage" type="Identifier"/>
        <xs:attribute name="heritage-weight" type="Probability" default="0"/>
        <xs:attribute name="failed-flights" type="FlightNumbers">
          <xs:annotation><xs:documentation>
            The numbers (1-based, in flight order) of the attempts that failed, e.g. "1 2 3 7 8 9": they split
            the record into the flights of the class's early window and the later ones (README, "Launch
            reliability and stand-downs"). Without it the failures are spread evenly over the record.
          </xs:documentation></xs:annotation>
        </xs:attribute>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
      <xs:simpleType name="FlightNumbers">
        <xs:list itemType="PositiveCount"/>
      </xs:simpleType>
    </xs:schema>
    """#
