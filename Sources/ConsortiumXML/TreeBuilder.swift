import CLibXML2
import ConsortiumModel

/// Copies a libxml2 element tree into `XMLElement` values, with exact locations, within limits, freeing each
/// libxml2 node once it is copied, so that the two trees are never held whole at once.
struct TreeBuilder {
    var source: SourceText
    let limits: LoadLimits
    private(set) var elementCount = 0
    private(set) var limitProblem: Diagnostic?

    init(source: SourceText, limits: LoadLimits) {
        self.source = source
        self.limits = limits
    }

    /// Converts `node` and its descendants, and frees the descendants; returns a childless element once a limit
    /// is hit. `node` itself is left to its owner (the document, or the caller) to free.
    mutating func element(_ node: xmlNodePtr, depth: Int) -> XMLElement {
        let name = String(cString: node.pointee.name)
        let line = Int(xmlGetLineNo(node))
        elementCount += 1
        var qualified = name
        if let prefix = node.pointee.ns?.pointee.prefix { qualified = String(cString: prefix) + ":" + name }
        let tagOffset = source.locateStartTag(named: qualified, endingOnLine: line)
        let location =
            tagOffset.map { source.location(ofOffset: $0) }
            ?? SourceLocation(
                file: source.path,
                line: line, column: 0)
        if limitProblem == nil, let problem = limits.violation(depth: depth, elements: elementCount) {
            limitProblem = .error(at: location, code: problem.code, problem.message, hint: problem.hint)
        }

        let attributes = self.attributes(of: node, tagOffset: tagOffset, fallback: location)
        var children: [XMLElement] = []
        var text = ""
        var child = node.pointee.children
        while let current = child, limitProblem == nil {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(element(current, depth: depth + 1))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default:
                break
            }
            child = current.pointee.next
            xmlUnlinkNode(current)
            xmlFreeNode(current)
        }
        return XMLElement(
            name: name, location: location, attributes: attributes, children: children,
            text: text.trimmingWhitespace, endLine: line)
    }

    private func attributes(of node: xmlNodePtr, tagOffset: Int?, fallback: SourceLocation) -> [XMLAttribute] {
        let offsets = tagOffset.map { source.attributeOffsets(inTagAt: $0) } ?? []
        var result: [XMLAttribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            let name = String(cString: attribute.pointee.name)
            var value = ""
            if let raw = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1) {
                value = String(cString: raw)
                consortium_xmlFree(raw)
            }
            // libxml2 keeps the attributes in source order: the k-th offset is this one's, unless a namespace
            // declaration (not an attribute to libxml2) came before it.
            let k = result.count
            let match = k < offsets.count && offsets[k].name == name ? offsets[k] : offsets.first { $0.name == name }
            let location = match.map { source.location(ofOffset: $0.offset) } ?? fallback
            result.append(XMLAttribute(name: name, value: value, location: location))
            property = attribute.pointee.next
        }
        return result
    }
}
