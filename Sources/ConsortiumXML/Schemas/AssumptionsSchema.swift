/// The XSD for the model's assumptions file (`Assumptions/model.xml`), as printed by `consortium schema assumptions`.
let assumptionsSchema = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- Consortium assumptions file schema, version 1.
         The figures of the model that no agency, campaign or scenario file states: named parameters, the
         reference classes that launch reliability priors are fitted to, and the record of real stand-downs.
         Every figure cites a <source>; estimate="true" marks one that is ours. -->
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
    \#(commonSchemaTypes)
      <xs:element name="assumptions">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="description" type="Text" minOccurs="0"/>
            <xs:element name="source" type="Source" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="parameter" type="Parameter" minOccurs="0" maxOccurs="1000"/>
            <xs:element name="reference-class" type="ReferenceClass" minOccurs="0" maxOccurs="100"/>
            <xs:element name="stand-downs" type="StandDowns" minOccurs="0" maxOccurs="100"/>
          </xs:sequence>
          <xs:attribute name="id" type="Identifier" use="required"/>
          <xs:attribute name="name" type="Text" use="required"/>
        </xs:complexType>
      </xs:element>

      <xs:complexType name="Parameter">
        <xs:annotation><xs:documentation>
          One named figure of the model, e.g. rework-probability-bespoke. README "Assumptions" names every
          parameter, its meaning and its allowed range; each must be given once, and an unknown name is an error.
        </xs:documentation></xs:annotation>
        <xs:attribute name="name" type="Identifier" use="required"/>
        <xs:attribute name="value" type="Amount" use="required"/>
        <xs:attributeGroup ref="Provenance"/>
      </xs:complexType>

      <xs:complexType name="ReferenceClass">
        <xs:annotation><xs:documentation>
          Comparable vehicles' early flight records (successes of attempts over their first flights). A
          Beta(alpha, beta) prior is fitted to them by the method of moments for the beta-binomial; a vehicle
          names its class with reference-class="...". With early-flights="5", mature-successes and
          mature-attempts give each vehicle's later flights (flights 6 to 30), to which a second, mature prior is
          fitted the same way: a vehicle flies its first early-flights flights at the early prior's reliability and
          the rest at the mature one's.
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="vehicle" maxOccurs="1000">
            <xs:complexType>
              <xs:attribute name="name" type="Text" use="required"/>
              <xs:attribute name="successes" type="Count" use="required"/>
              <xs:attribute name="attempts" type="PositiveCount" use="required"/>
              <xs:attribute name="mature-successes" type="Count"/>
              <xs:attribute name="mature-attempts" type="Count"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="name" type="Text" use="required"/>
        <xs:attribute name="early-flights" type="PositiveCount"/>
      </xs:complexType>

      <xs:complexType name="StandDowns">
        <xs:annotation><xs:documentation>
          Real stand-downs: each failure (or loss) and the date the vehicle or programme flew again. The
          record `launch-failure-stand-downs` gives the grounding after a launch failure (each failure in a
          trial draws one of its durations); `crew-loss-stand-downs` the programme stand-down after a loss of crew.
        </xs:documentation></xs:annotation>
        <xs:sequence>
          <xs:element name="stand-down" maxOccurs="1000">
            <xs:complexType>
              <xs:attribute name="event" type="Text" use="required"/>
              <xs:attribute name="provider" type="Identifier">
                <xs:annotation><xs:documentation>
                  The agency or provider whose vehicle failed (an agency id where the library has it): a vehicle
                  whose owner has at least `provider-stand-down-minimum` entries draws from those alone.
                </xs:documentation></xs:annotation>
              </xs:attribute>
              <xs:attribute name="failed" type="Date" use="required"/>
              <xs:attribute name="returned" type="Date" use="required"/>
              <xs:attributeGroup ref="Provenance"/>
            </xs:complexType>
          </xs:element>
        </xs:sequence>
        <xs:attribute name="id" type="Identifier" use="required"/>
        <xs:attribute name="name" type="Text" use="required"/>
      </xs:complexType>
    </xs:schema>
    """#
