/// The XSD for what-if scenario files, as printed by `consortium schema scenario`.
let scenarioSchema = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- Consortium scenario file schema, version 1.
         A what-if: a campaign, the changes to play out on it, and the Monte Carlo settings. -->
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
    \#(commonSchemaTypes)
      <xs:element name="scenario">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="description" type="Text" minOccurs="0"/>
            <xs:element name="source" type="Source" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="monte-carlo" type="MonteCarlo" minOccurs="0"/>
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="withdraw" type="Withdraw"/>
              <xs:element name="budget-change" type="BudgetChange"/>
              <xs:element name="delay" type="Delay"/>
              <xs:element name="launch-failure" type="LaunchFailure"/>
              <xs:element name="ground" type="Ground"/>
              <xs:element name="reassign" type="Reassign"/>
              <xs:element name="substitute" type="Substitute"/>
              <xs:element name="hazards" type="Hazards"/>
            </xs:choice>
          </xs:sequence>
          <xs:attribute name="id" type="Identifier" use="required"/>
          <xs:attribute name="name" type="Text" use="required"/>
          <xs:attribute name="campaign" type="Identifier" use="required"/>
          <xs:attributeGroup ref="Provenance"/>
        </xs:complexType>
      </xs:element>

      <xs:complexType name="MonteCarlo">
        <xs:attribute name="trials" type="PositiveCount" use="required"/>
        <xs:attribute name="seed" type="Count" use="required"/>
        <xs:attribute name="target-date" type="Date"/>
        <xs:attribute name="target-budget-musd" type="Amount"/>
        <xs:attribute name="horizon" type="Date"/>
      </xs:complexType>

      <xs:complexType name="Withdraw">
        <xs:annotation><xs:documentation>
          `agency` withdraws on `date`; its unfinished elements move to `replacement` after `transfer-days`
          (at the replacement's cost), or are cancelled when there is no replacement.
        </xs:documentation></xs:annotation>
        <xs:attribute name="agency" type="Identifier" use="required"/>
        <xs:attribute name="date" type="Date" use="required"/>
        <xs:attribute name="replacement" type="Identifier"/>
        <xs:attribute name="transfer-days" type="Days" default="365"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
      <xs:complexType name="BudgetChange">
        <xs:attribute name="agency" type="Identifier" use="required"/>
        <xs:attribute name="factor" type="Amount" use="required"/>
        <xs:attribute name="from" type="Date" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
      <xs:complexType name="Delay">
        <xs:attribute name="element" type="Identifier" use="required"/>
        <xs:attribute name="days" type="Days" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
      <xs:complexType name="LaunchFailure">
        <xs:attribute name="launch" type="Identifier" use="required"/>
        <xs:attribute name="attempt" type="PositiveCount" default="1"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
      <xs:complexType name="Ground">
        <xs:annotation><xs:documentation>
          `vehicle` is grounded for `days` from `from`; `stand-down-days`, when given, forces the stand-down
          after each of its failures (instead of a draw from the assumptions' record of real ones).
        </xs:documentation></xs:annotation>
        <xs:attribute name="vehicle" type="Identifier" use="required"/>
        <xs:attribute name="days" type="Days" use="required"/>
        <xs:attribute name="from" type="Date" use="required"/>
        <xs:attribute name="stand-down-days" type="Days"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
      <xs:complexType name="Reassign">
        <xs:attribute name="contract" type="Identifier" use="required"/>
        <xs:attribute name="provider" type="Identifier" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
      <xs:complexType name="Substitute">
        <xs:annotation><xs:documentation>
          From `from`, `launch` flies on `vehicle` (a re-manifest the programme decided, e.g. ExoMars moving
          from Proton to a NASA launch in 2024); it cannot fly before `from` plus the model's re-manifest
          delay. A launch whose vehicle was lost before `from` waits for the substitution instead of being
          cancelled.
        </xs:documentation></xs:annotation>
        <xs:attribute name="launch" type="Identifier" use="required"/>
        <xs:attribute name="vehicle" type="Identifier" use="required"/>
        <xs:attribute name="from" type="Date" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
      <xs:complexType name="Hazards">
        <xs:annotation><xs:documentation>
          The campaign's programmatic hazards of `kind` (every kind when absent) have their yearly rates
          multiplied by `factor`; 0 turns them off.
        </xs:documentation></xs:annotation>
        <xs:attribute name="kind">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:enumeration value="partner-exit"/>
              <xs:enumeration value="cancellation"/>
              <xs:enumeration value="vehicle-retirement"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:attribute>
        <xs:attribute name="factor" type="Amount" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>
    </xs:schema>
    """#
