import ConsortiumModel

/// A minimal XML writer for generated files: two-space indentation, attributes in the given order,
/// `&`, `<`, `>` and `"` escaped.
struct XMLText {
    var text = ""

    mutating func raw(_ line: String) {
        text += line
        text += "\n"
    }

    /// `<name a="v" ...>`.
    mutating func tag(_ indent: Int, _ name: String, _ attributes: [(String, String)]) {
        start(indent, name, attributes)
        text += ">\n"
    }

    /// `<name a="v" .../>`.
    mutating func empty(_ indent: Int, _ name: String, _ attributes: [(String, String)]) {
        start(indent, name, attributes)
        text += "/>\n"
    }

    /// `</name>`.
    mutating func close(_ indent: Int, _ name: String) {
        pad(indent)
        text += "</\(name)>\n"
    }

    /// `<name>text</name>`.
    mutating func element(_ indent: Int, _ name: String, text content: String) {
        pad(indent)
        text += "<\(name)>\(Self.escaped(content))</\(name)>\n"
    }

    /// `<name a="v" ...>text</name>`, attributes in `order`.
    mutating func open(
        _ indent: Int, _ name: String, _ attributes: [String: String], order: [String], text content: String
    ) {
        start(indent, name, order.compactMap { key in attributes[key].map { (key, $0) } })
        text += ">\(Self.escaped(content))</\(name)>\n"
    }

    private mutating func start(_ indent: Int, _ name: String, _ attributes: [(String, String)]) {
        pad(indent)
        text += "<"
        text += name
        for (key, value) in attributes {
            text += " "
            text += key
            text += "=\""
            text += Self.escaped(value)
            text += "\""
        }
    }

    private mutating func pad(_ indent: Int) {
        for _ in 0..<indent { text += "  " }
    }

    static func escaped(_ value: String) -> String {
        value.xmlEscaped
    }
}
