import ConsortiumModel
import Foundation

/// The raw bytes of a file, with line starts, used to give elements and attributes exact columns.
///
/// libxml2 reports the line of a node but not its column; the column is found by scanning the
/// line for the element's start tag. Elements are located in document order with a moving
/// cursor, so two elements with the same name on one line get their own columns.
struct SourceText {
    let path: String
    let bytes: [UInt8]
    private let lineStarts: [Int]
    private var cursor = 0

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        // memchr, not a loop over the bytes: a file at the size limit is scanned in milliseconds even in a debug build.
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                starts.append(newline + 1)
                offset = newline + 1
            }
        }
        lineStarts = starts
    }

    /// The offset of the first NUL byte, if any.
    var firstNul: Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The location of a byte offset (1-based line and column; columns count bytes).
    func location(ofOffset offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(file: path, line: low + 1, column: offset - lineStarts[low] + 1)
    }

    /// The start of line `line` (1-based), clamped to the text.
    func offset(ofLine line: Int) -> Int {
        guard line >= 1 else { return 0 }
        return line <= lineStarts.count ? lineStarts[line - 1] : bytes.count
    }

    /// The offset of the last start tag `<name` that begins before `offset` (libxml2's position just after
    /// the tag), searching backwards.
    func lastStartTag(named name: String, before offset: Int) -> Int? {
        let pattern = Array("<\(name)".utf8)
        var i = min(offset, bytes.count) - pattern.count
        while i >= 0 {
            if bytes[i] == pattern[0], matches(pattern, at: i) { return i }
            i -= 1
        }
        return nil
    }

    /// Finds the start tag `<name` of the next element in document order and moves past it.
    ///
    /// Elements are located in document order, so the element's tag is the next start tag after the
    /// cursor once comments, CDATA sections, processing instructions and end tags are skipped (a `<`
    /// cannot occur raw in text or attribute values). That is one pass over the file in all. Should the
    /// next start tag have another name, the tag is searched by the line libxml2 reports instead.
    ///
    /// - Complexity: amortized O(bytes between the cursor and the tag).
    mutating func locateStartTag(named name: String, endingOnLine line: Int) -> Int? {
        let pattern = Array("<\(name)".utf8)
        if let next = nextStartTag(), next + pattern.count <= bytes.count, matches(pattern, at: next),
            next + pattern.count == bytes.count || isTagNameEnd(bytes[next + pattern.count])
        {
            cursor = next + 1
            return next
        }
        return locateStartTag(pattern, endingOnLine: line)
    }

    /// The offset of the next `<` at or after the cursor that opens a start tag.
    private func nextStartTag() -> Int? {
        var i = cursor
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            guard i + 1 < bytes.count else { return nil }
            switch bytes[i + 1] {
            case UInt8(ascii: "/"):
                i += 2
            case UInt8(ascii: "?"):
                i = skip(past: Array("?>".utf8), from: i + 2)
            case UInt8(ascii: "!"):
                if matches(Array("<!--".utf8), at: i) {
                    i = skip(past: Array("-->".utf8), from: i + 4)
                } else if matches(Array("<![CDATA[".utf8), at: i) {
                    i = skip(past: Array("]]>".utf8), from: i + 9)
                } else {
                    i = skip(past: [UInt8(ascii: ">")], from: i + 2)
                }
            default:
                return i
            }
        }
        return nil
    }

    /// The offset just after the first `terminator` at or after `start` (the end of the text if none).
    private func skip(past terminator: [UInt8], from start: Int) -> Int {
        var i = start
        while i + terminator.count <= bytes.count {
            if bytes[i] == terminator[0], matches(terminator, at: i) { return i + terminator.count }
            i += 1
        }
        return bytes.count
    }

    /// The tag `pattern` (`<name`) ending on `line`: libxml2 gives the line on which a start tag ends, so
    /// the tag is the last match between the cursor and the end of that line (an earlier match could
    /// sit in a comment).
    private mutating func locateStartTag(_ pattern: [UInt8], endingOnLine line: Int) -> Int? {
        let limit = min(bytes.count, offset(ofLine: line + 1))
        var found: Int?
        var i = cursor
        while i + pattern.count <= bytes.count {
            if i >= limit, found != nil { break }
            if bytes[i] == pattern[0], matches(pattern, at: i) {
                let after = i + pattern.count
                if after == bytes.count || isTagNameEnd(bytes[after]) {
                    found = i
                    if i >= limit { break }
                }
            }
            i += 1
        }
        if let found { cursor = found + 1 }
        return found
    }

    /// Offsets of the attribute names in the start tag beginning at `tagOffset`.
    func attributeOffsets(inTagAt tagOffset: Int) -> [(name: String, offset: Int)] {
        var result: [(String, Int)] = []
        var i = tagOffset + 1
        while i < bytes.count, !isTagNameEnd(bytes[i]) { i += 1 }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
            if isSpace(byte) {
                i += 1
                continue
            }
            let nameStart = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "="), !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") {
                i += 1
            }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "'") {
                if bytes[i] == UInt8(ascii: ">") { return result }
                i += 1
            }
            guard i < bytes.count else { break }
            let quote = bytes[i]
            i += 1
            while i < bytes.count, bytes[i] != quote { i += 1 }
            i += 1
            result.append((name, nameStart))
        }
        return result
    }

    private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        for (k, byte) in pattern.enumerated() where bytes[offset + k] != byte { return false }
        return true
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func isTagNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }
}
