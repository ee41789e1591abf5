import Foundation

/// Checks on rendered output that a crash alone would not catch: a machine-readable document must encode
/// (the commands exit 70 when it does not) and its JSON must parse; every CSV record has the header's
/// number of fields. A failed check stops the fuzzer with a message, as a crash does.
enum Oracle {
    static func encoded(_ encode: () throws -> Data, what: String, json: Bool) -> Data {
        let data: Data
        do {
            data = try encode()
        } catch {
            fatalError("consortium-fuzz: \(what) threw for a run that loaded without errors: \(error)")
        }
        if json {
            checkJSON(data, what: what)
        } else {
            checkCSV(String(decoding: data, as: UTF8.self), what: what)
        }
        return data
    }

    static func checkJSON(_ data: Data, what: String) {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            fatalError("consortium-fuzz: \(what) is not valid JSON: \(error)")
        }
    }

    /// RFC 4180 records: fields separated by commas, quoted fields may hold commas, quotes (doubled) and line
    /// breaks. Every record must have as many fields as the first. A document of several tables (blank-line
    /// separated, each with its header) is checked table by table.
    static func checkCSV(_ text: String, what: String) {
        var expected: Int?
        var fields = 1
        var quoted = false
        var recordStart = true
        var record = 1
        for byte in text.utf8 {
            if quoted {
                if byte == UInt8(ascii: "\"") { quoted = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                quoted = true
                recordStart = false
            case UInt8(ascii: ","):
                fields += 1
                recordStart = false
            case UInt8(ascii: "\n"):
                if recordStart {
                    expected = nil  // a blank line: a new table follows
                } else if let count = expected, count != fields {
                    fatalError("consortium-fuzz: \(what): record \(record) has \(fields) fields, expected \(count)")
                } else {
                    expected = fields
                }
                fields = 1
                recordStart = true
                record += 1
            default:
                recordStart = false
            }
        }
        if quoted { fatalError("consortium-fuzz: \(what): a quoted field is not closed") }
    }
}
