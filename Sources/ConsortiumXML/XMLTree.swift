public import ConsortiumModel

/// An attribute as written in a file, with the place its name starts.
public struct XMLAttribute: Sendable, Hashable {
    public let name: String
    public let value: String
    public let location: SourceLocation
}

/// An element of a parsed file, as a plain Swift value: no libxml2 pointer outlives the parse.
///
/// Holds only what the model needs: name, attributes, child elements and character data, each
/// with its location in the source text.
public struct XMLElement: Sendable, Hashable {
    public let name: String
    public let location: SourceLocation
    public let attributes: [XMLAttribute]
    public let children: [XMLElement]
    /// Concatenated character data directly inside this element, trimmed.
    public let text: String
    /// The line on which libxml2 saw the start tag end (its node line); used to match schema errors.
    let endLine: Int

    /// The attribute called `name`, if present.
    public func attribute(_ name: String) -> XMLAttribute? {
        attributes.first { $0.name == name }
    }

    /// The child elements called `name`, in document order.
    public func children(_ name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The first child element called `name`.
    public func child(_ name: String) -> XMLElement? {
        children.first { $0.name == name }
    }

    /// The location of attribute `name` if present, else of the element itself.
    public func location(of name: String) -> SourceLocation {
        attribute(name)?.location ?? location
    }
}
