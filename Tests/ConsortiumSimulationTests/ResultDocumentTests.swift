import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import Foundation
import Testing

/// The machine-readable outputs: JSON valid against `docs/result.schema.json`, tidy CSV, both stable.
struct ResultDocumentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Workshop step 2 with targets, 200 trials: small, and exercises every part of the document.
    static func document(threads: Int = 2) throws -> ResultDocument {
        let plan = try #require(Bundled.plans.first { $0.0 == "ws-partner" }?.1)
        let options = MonteCarloOptions(
            trials: 200, seed: 1, threads: threads, targetDay: plan.day(of: .init(iso: "2035-01-01")!),
            targetBudgetMUSD: 6000)
        return ResultDocument(try MonteCarlo.run(plan, options), version: "test")
    }

    static func schema(_ name: String = "result.schema.json") throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: repository.appendingPathComponent("docs/\(name)")))
    }

    @Test func theJSONValidatesAgainstItsSchema() throws {
        let json = try JSONSerialization.jsonObject(with: try Self.document().json())
        let problems = SchemaCheck.problems(json, try Self.schema())
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    /// The validator is not a rubber stamp: a missing key, a wrong type and a probability above 1 are caught.
    @Test func theSchemaRejectsBrokenDocuments() throws {
        let schema = try Self.schema()
        var json = try #require(try JSONSerialization.jsonObject(with: try Self.document().json()) as? [String: Any])
        json.removeValue(forKey: "schemaVersion")
        #expect(!SchemaCheck.problems(json, schema).isEmpty)
        json["schemaVersion"] = 2
        json["missions"] = "none"
        #expect(!SchemaCheck.problems(json, schema).isEmpty)
        var campaign = try #require(json["campaign"] as? [String: Any])
        json["missions"] = []
        campaign["frontierLevel"] = 1.5
        json["campaign"] = campaign
        #expect(SchemaCheck.problems(json, schema).contains { $0.contains("frontierLevel") })
    }

    /// Same inputs, same bytes, whatever the thread count; and equal to the golden files (regenerate with
    /// CONSORTIUM_UPDATE_GOLDEN=1 after an intended change, and review the diff).
    @Test func jsonAndCSVMatchTheGoldenFiles() throws {
        let document = try Self.document(threads: 1)
        let json = try document.json()
        let csv = try document.csv()
        #expect(json == (try Self.document(threads: 2).json()))
        let folder = Self.repository.appendingPathComponent("Tests/ConsortiumSimulationTests/Golden")
        if ProcessInfo.processInfo.environment["CONSORTIUM_UPDATE_GOLDEN"] == "1" {
            try json.write(to: folder.appendingPathComponent("ws-partner.json"))
            try csv.write(to: folder.appendingPathComponent("ws-partner.csv"))
        }
        let goldenJSON = try Data(contentsOf: folder.appendingPathComponent("ws-partner.json"))
        let goldenCSV = try Data(contentsOf: folder.appendingPathComponent("ws-partner.csv"))
        #expect(json == goldenJSON, "first difference at byte \(firstDifference(json, goldenJSON))")
        #expect(csv == goldenCSV, "first difference at byte \(firstDifference(csv, goldenCSV))")
    }

    /// Tidy CSV: a header, five fields on every CRLF-terminated line, one row per metric, entity and statistic.
    @Test func theCSVIsTidy() throws {
        let text = String(decoding: try Self.document().csv(), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "metric,entity,statistic,value,unit")
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 5 })
        let keys = lines.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3).joined(separator: ",")
        }
        #expect(Set(keys).count == keys.count, "a metric, entity and statistic appear once")
    }

    /// The HTML report is one self-contained file: no scripts, stylesheets, fonts or images from anywhere,
    /// every chart inline SVG, and the same bytes on any number of threads.
    @Test func theHTMLReportIsSelfContained() throws {
        let plan = try #require(Bundled.plans.first { $0.0 == "ws-partner" }?.1)
        func html(threads: Int) throws -> String {
            let result = try MonteCarlo.run(plan, MonteCarloOptions(trials: 300, seed: 1, threads: threads))
            var runner = TrialRunner(plan: plan, seed: 1)
            let story = try runner.run(trial: UInt64(try #require(result.representativeTrial)))
            let inputs = [
                HTMLReport.Provenance(path: "Missions/workshop/2-partner.xml", fingerprint: fingerprint([1, 2]))
            ]
            return HTMLReport(result, story: story, inputs: inputs, version: "test").render()
        }
        let page = try html(threads: 1)
        #expect(page == (try html(threads: 2)))
        for forbidden in ["http://", "https://", "<script", "<link", "@import", "<img", "<iframe", "src="] {
            #expect(!page.lowercased().contains(forbidden), "the report contains \(forbidden)")
        }
        #expect(!page.replacingOccurrences(of: "url(#arrow)", with: "").contains("url("))
        #expect(page.components(separatedBy: "<svg").count - 1 >= 7, "one inline SVG per chart")
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("</html>"))
        // FNV-1a 64 of [1, 2] from the offset basis 0xcbf29ce484222325 and prime 0x100000001b3 (Python check).
        #expect(fingerprint([1, 2]) == "082f2407b4e8902a")
    }

    /// What-if and compare documents: a plan paired with itself reports zero change, never significant;
    /// the comparison holds one full result per architecture; both are tidy CSV with the same header.
    @Test func whatIfAndCompareDocumentsForTools() throws {
        let plan = try #require(Bundled.plans.first { $0.0 == "ws-partner" }?.1)
        let options = MonteCarloOptions(trials: 200, seed: 3, threads: 2)
        let same = WhatIfDocument(try MonteCarlo.runPaired(base: plan, variant: plan, options), changes: [])
        let json = try #require(try JSONSerialization.jsonObject(with: try same.json()) as? [String: Any])
        let cost = try #require(json["totalCostMUSD"] as? [String: Any])
        #expect((cost["mean"] as? NSNumber)?.doubleValue == 0)
        #expect(String(cString: (cost["significant"] as! NSNumber).objCType) == "c")
        #expect((cost["significant"] as? NSNumber)?.boolValue == false)
        #expect(SchemaCheck.problems(json, try Self.schema("whatif.schema.json")).isEmpty)
        let whatIfCSV = String(decoding: try same.csv(), as: UTF8.self)
        #expect(whatIfCSV.hasPrefix("metric,entity,statistic,value,unit\r\n"))

        let alone = try #require(Bundled.plans.first { $0.0 == "ws-alone" }?.1)
        let architectures = try [alone, plan].map { p in
            let campaign = try #require(Bundled.library.campaign(p.campaignID))
            return try ArchitectureComparison.evaluate(
                p, lead: p.agencies.firstIndex { $0.id == "nasa" },
                complexity: Complexity(campaign: campaign, library: Bundled.library, plan: p), options: options,
                coalitionTrials: 0)
        }
        let compare = CompareDocument(architectures, version: "test")
        let compareJSON = try #require(try JSONSerialization.jsonObject(with: try compare.json()) as? [String: Any])
        let list = try #require(compareJSON["architectures"] as? [[String: Any]])
        #expect(list.count == 2)
        let problems = SchemaCheck.problems(compareJSON, try Self.schema("compare.schema.json"))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        var broken = list[0]
        broken["contracts"] = -1
        #expect(
            !SchemaCheck.problems(
                ["schemaVersion": 1, "kind": "compare", "architectures": [broken]],
                try Self.schema("compare.schema.json")
            ).isEmpty)
        let compareCSV = String(decoding: try compare.csv(), as: UTF8.self)
        #expect(compareCSV.contains("complexity,ws-partner,contracts,1,count"))
        // The comparison page: self-contained, the table and one chart per criterion.
        let page = CompareReport(architectures).html(version: "test")
        for forbidden in ["http://", "https://", "<script", "<link", "@import", "src="] {
            #expect(!page.lowercased().contains(forbidden), "the comparison page contains \(forbidden)")
        }
        #expect(page.components(separatedBy: "<svg").count - 1 == 5)
        #expect(page.contains("<td>ws-partner</td>") || page.contains("<th>ws-partner</th>"))
    }

    func firstDifference(_ a: Data, _ b: Data) -> Int {
        zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    }
}

/// The subset of JSON Schema (2020-12) that the schemas in `docs/` use: type, const, required, properties,
/// additionalProperties, propertyNames, enum, items, minimum, maximum, pattern and `$ref` to a sibling file.
enum SchemaCheck {
    static func problems(_ value: Any, _ schema: Any, at path: String = "$") -> [String] {
        guard var schema = schema as? [String: Any] else { return [] }
        // A reference to a sibling schema file in docs/ (compare.schema.json refers to result.schema.json).
        if let reference = schema["$ref"] as? String {
            guard let target = try? ResultDocumentTests.schema(reference) as? [String: Any] else {
                return ["\(path): cannot load \(reference)"]
            }
            schema = target
        }
        var problems: [String] = []
        if let expected = schema["const"], !equal(value, expected) { problems.append("\(path): not \(expected)") }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { equal(value, $0) }) {
            problems.append("\(path): \(value) is none of \(allowed)")
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            if !types.contains(where: { matches(value, $0) }) { problems.append("\(path): not of type \(types)") }
        }
        if let number = value as? NSNumber, !isBoolean(value) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum {
                problems.append("\(path): \(number) below \(minimum)")
            }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum {
                problems.append("\(path): \(number) above \(maximum)")
            }
        }
        if let string = value as? String, let pattern = schema["pattern"] as? String,
            string.range(of: pattern, options: .regularExpression) == nil
        {
            problems.append("\(path): '\(string)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing \(key)")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            if let names = schema["propertyNames"] {
                for key in object.keys { problems += Self.problems(key, names, at: "\(path).\(key) (name)") }
            }
            for (key, child) in object {
                if let childSchema = properties[key] {
                    problems += Self.problems(child, childSchema, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] {
                    if additional as? Bool == false {
                        problems.append("\(path): unexpected key \(key)")
                    } else {
                        problems += Self.problems(child, additional, at: "\(path).\(key)")
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (i, item) in array.enumerated() { problems += Self.problems(item, items, at: "\(path)[\(i)]") }
        }
        return problems
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "null": return value is NSNull
        case "boolean": return isBoolean(value)
        case "integer":
            guard let n = value as? NSNumber, !isBoolean(value) else { return false }
            return n.doubleValue.rounded() == n.doubleValue
        case "number": return value is NSNumber && !isBoolean(value)
        default: return false
        }
    }

    /// JSON true and false; Foundation bridges 0 and 1 to `Bool` too, so ask the number for its C type.
    static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? NSNumber, let y = b as? NSNumber { return x == y }
        if let x = a as? String, let y = b as? String { return x == y }
        return false
    }
}
