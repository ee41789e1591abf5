import ConsortiumModel

/// Simple types and elements shared by the three schemas.
///
/// Each schema is self-contained (the loader never fetches `xs:include` targets), so these
/// definitions are spliced into every schema text rather than included.
let commonSchemaTypes = #"""
          <!-- ===== Shared simple types ===== -->
          <xs:simpleType name="Identifier">
            <xs:annotation><xs:documentation>
              Lower-case id: letters, digits, '.', '_' and '-', starting with a letter or digit (e.g. esm-4).
            </xs:documentation></xs:annotation>
            <xs:restriction base="xs:string">
              <xs:pattern value="[a-z0-9][a-z0-9._\-]{0,63}"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="IdentifierList">
            <xs:list itemType="Identifier"/>
          </xs:simpleType>
          <xs:simpleType name="Date">
            <xs:annotation><xs:documentation>ISO 8601 calendar date, YYYY-MM-DD.</xs:documentation></xs:annotation>
            <xs:restriction base="xs:date">
              <xs:pattern value="\d{4}-\d{2}-\d{2}"/>
              <xs:minInclusive value="1950-01-01"/>
              <xs:maxInclusive value="2200-12-31"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="Year">
            <xs:annotation><xs:documentation>A (fiscal) year, 1950 to 2200, like the dates.</xs:documentation></xs:annotation>
            <xs:restriction base="xs:integer">
              <xs:minInclusive value="1950"/>
              <xs:maxInclusive value="2200"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="Amount">
            <xs:annotation><xs:documentation>A finite, non-negative decimal number (no NaN, INF or exponent).</xs:documentation></xs:annotation>
            <xs:restriction base="xs:decimal">
              <xs:minInclusive value="0"/>
              <xs:maxInclusive value="\#(ValueLimits.maximumAmount)"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="Positive">
            <xs:restriction base="xs:decimal">
              <xs:minExclusive value="0"/>
              <xs:maxInclusive value="\#(ValueLimits.maximumAmount)"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="Days">
            <xs:annotation><xs:documentation>
              A duration in days, a decimal from 0 to \#(ValueLimits.maximumDays): longer than the whole span of
              the dates files may give (1950 to 2200), so that every date the model computes stays a
              four-digit year.
            </xs:documentation></xs:annotation>
            <xs:restriction base="xs:decimal">
              <xs:minInclusive value="0"/>
              <xs:maxInclusive value="\#(ValueLimits.maximumDays)"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="PositiveDays">
            <xs:restriction base="xs:decimal">
              <xs:minExclusive value="0"/>
              <xs:maxInclusive value="\#(ValueLimits.maximumDays)"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="Probability">
            <xs:annotation><xs:documentation>A probability or fraction in [0, 1].</xs:documentation></xs:annotation>
            <xs:restriction base="xs:decimal">
              <xs:minInclusive value="0"/>
              <xs:maxInclusive value="1"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="Count">
            <xs:annotation><xs:documentation>
              A whole number from 0 to \#(ValueLimits.maximumCount). Every integer has a maximum, so that each
              value the schema accepts is one the program can hold.
            </xs:documentation></xs:annotation>
            <xs:restriction base="xs:nonNegativeInteger">
              <xs:maxInclusive value="\#(ValueLimits.maximumCount)"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="PositiveCount">
            <xs:annotation><xs:documentation>A whole number from 1 to \#(ValueLimits.maximumCount).</xs:documentation></xs:annotation>
            <xs:restriction base="xs:positiveInteger">
              <xs:maxInclusive value="\#(ValueLimits.maximumCount)"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="Text">
            <xs:restriction base="xs:string">
              <xs:maxLength value="4000"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="Destination">
            <xs:annotation><xs:documentation>
              Where a launch sends its payload: low Earth orbit, geostationary transfer, trans-lunar injection,
              near-rectilinear halo orbit (Gateway), lunar surface, trans-Mars injection.
            </xs:documentation></xs:annotation>
            <xs:restriction base="xs:string">
              <xs:enumeration value="leo"/>
              <xs:enumeration value="gto"/>
              <xs:enumeration value="tli"/>
              <xs:enumeration value="nrho"/>
              <xs:enumeration value="lunar-surface"/>
              <xs:enumeration value="tmi"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- ===== Provenance ===== -->
          <xs:complexType name="Source">
            <xs:annotation><xs:documentation>
              A public source. Figures cite sources by id in their `source` attribute; `estimate="true"` marks a
              figure derived or estimated rather than read off the source.
            </xs:documentation></xs:annotation>
            <xs:simpleContent>
              <xs:extension base="Text">
                <xs:attribute name="id" type="Identifier" use="required"/>
                <xs:attribute name="url" type="Text"/>
                <xs:attribute name="date" type="Text"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>
          <xs:attributeGroup name="Provenance">
            <xs:attribute name="source" type="IdentifierList"/>
            <xs:attribute name="estimate" type="xs:boolean" default="false"/>
          </xs:attributeGroup>
          <xs:complexType name="ThreePoint">
            <xs:annotation><xs:documentation>
              A three-point estimate: minimum, most likely and maximum (min &lt;= likely &lt;= max).
            </xs:documentation></xs:annotation>
            <xs:attribute name="min" type="Amount" use="required"/>
            <xs:attribute name="likely" type="Amount" use="required"/>
            <xs:attribute name="max" type="Amount" use="required"/>
          </xs:complexType>
          <xs:complexType name="ThreePointDays">
            <xs:annotation><xs:documentation>A three-point estimate of a duration, in days.</xs:documentation></xs:annotation>
            <xs:attribute name="min" type="Days" use="required"/>
            <xs:attribute name="likely" type="Days" use="required"/>
            <xs:attribute name="max" type="Days" use="required"/>
          </xs:complexType>
    """#
