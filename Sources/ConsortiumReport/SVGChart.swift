import ConsortiumModel

/// Hand-drawn SVG charts for the HTML report: axes with units, legends and labels, no scripts.
enum SVGChart {
    static let width = 1000.0
    static let palette = HTMLReport.palette

    /// Plot area margins: left, right, top, bottom.
    static let margin = (left: 90.0, right: 30.0, top: 20.0, bottom: 60.0)

    static func number(_ x: Double) -> String { Format.fixed(x, 1) }

    static func text(
        _ x: Double, _ y: Double, _ content: String, anchor: String = "middle", size: Int = 13, extra: String = ""
    ) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" \(extra)>"
            + "\(escape(content))</text>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ style: String) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" \(style)/>"
    }

    static func svg(height: Double, _ content: String, title: String) -> String {
        "<svg viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "role=\"img\" aria-label=\"\(escape(title))\" font-family=\"sans-serif\">\n\(content)</svg>\n"
    }

    /// A linear scale from a data range to a pixel range.
    struct Scale {
        var domain: ClosedRange<Double>
        /// Pixels for the domain's lower and upper bounds (the upper may be the smaller, for y axes).
        var range: (lowerBound: Double, upperBound: Double)
        func callAsFunction(_ x: Double) -> Double {
            let span = domain.upperBound - domain.lowerBound
            let t = span > 0 ? (x - domain.lowerBound) / span : 0.5
            return range.lowerBound + t * (range.upperBound - range.lowerBound)
        }
    }

    /// Five evenly spaced ticks over a range, labelled by `format`.
    static func ticks(_ domain: ClosedRange<Double>, _ format: (Double) -> String) -> [(Double, String)] {
        (0...4).map { i in
            let x = domain.lowerBound + Double(i) / 4 * (domain.upperBound - domain.lowerBound)
            return (x, format(x))
        }
    }

    static func legend(_ names: [String], colours: [String], y: Double, dashed: Bool = false) -> String {
        var out = ""
        var x = margin.left
        for (name, colour) in zip(names, colours) {
            out += line(
                x, y, x + 24, y, "stroke=\"\(colour)\" stroke-width=\"3\"\(dashed ? " stroke-dasharray=\"6 4\"" : "")")
            out += text(x + 30, y + 4, name, anchor: "start", size: 12)
            x += 42 + Double(name.count) * 7
        }
        return out
    }

    /// Cumulative probability curves (S-curves) with labelled vertical marks.
    static func sCurve(
        series: [(String, [(Double, Double)])], marks: [(Double, String)], xLabel: String,
        yLabel: String = "probability done by then", xFormat: (Double) -> String,
        yearTicks: ((ClosedRange<Double>) -> [(Double, String)])?
    ) -> String {
        let values = series.flatMap { $0.1.map(\.0) } + marks.map(\.0)
        guard let low = values.min(), let high = values.max() else { return "<p>No trial got there.</p>" }
        let height = 380.0
        let x = Scale(domain: low...max(high, low + 1), range: (margin.left, width - margin.right))
        let y = Scale(domain: 0...1, range: (height - margin.bottom, margin.top))
        var out = axes(height: height, xLabel: xLabel, yLabel: yLabel)
        for p in stride(from: 0.0, through: 1.0, by: 0.25) {
            out += line(margin.left, y(p), width - margin.right, y(p), "stroke=\"#ddd\"")
            out += text(margin.left - 8, y(p) + 4, "\(Int(p * 100)) %", anchor: "end", size: 12)
        }
        let xTicks = yearTicks?(x.domain) ?? ticks(x.domain, xFormat)
        for (value, label) in xTicks {
            out += text(x(value), height - margin.bottom + 18, label, size: 12)
        }
        for (i, (_, points)) in series.enumerated() {
            guard !points.isEmpty else { continue }
            var path = "M\(number(x(points[0].0))),\(number(y(0)))"
            var previous = 0.0
            for (value, p) in points {
                path += " L\(number(x(value))),\(number(y(previous))) L\(number(x(value))),\(number(y(p)))"
                previous = p
            }
            path += " L\(number(x.range.upperBound)),\(number(y(previous)))"
            out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(palette[i % palette.count])\" "
            out += "stroke-width=\"\(i == 0 ? 3 : 1.5)\"/>\n"
        }
        // Labels step down the plot so that marks close together stay readable.
        for (i, (value, label)) in marks.sorted(by: { $0.0 < $1.0 }).enumerated() {
            out += line(
                x(value), margin.top, x(value), height - margin.bottom, "stroke=\"#555\" stroke-dasharray=\"3 3\"")
            let caption = "\(label) \(xFormat(value))"
            let labelY = margin.top + 12 + Double(i) * 15
            out += "<rect x=\"\(number(x(value) + 2))\" y=\"\(number(labelY - 11))\" "
            out += "width=\"\(number(Double(caption.count) * 6.6))\" height=\"14\" fill=\"#fff\" opacity=\"0.85\"/>"
            out += text(x(value) + 3, labelY, caption, anchor: "start", size: 11)
        }
        out += legend(series.map(\.0), colours: series.indices.map { palette[$0 % palette.count] }, y: height - 12)
        return svg(height: height, out, title: "S-curves: \(xLabel)")
    }

    static func axes(height: Double, xLabel: String, yLabel: String) -> String {
        var out = line(
            margin.left, height - margin.bottom, width - margin.right, height - margin.bottom, "stroke=\"#333\"")
        out += line(margin.left, margin.top, margin.left, height - margin.bottom, "stroke=\"#333\"")
        out += text((margin.left + width - margin.right) / 2, height - margin.bottom + 36, xLabel, size: 13)
        out += text(
            18, (margin.top + height - margin.bottom) / 2, yLabel, size: 13,
            extra: "transform=\"rotate(-90 18 \(number((margin.top + height - margin.bottom) / 2)))\"")
        return out
    }

    /// One stacked bar per rule, one segment per agency.
    static func stackedBars(bars: [(String, [Double])], segments: [String], unit: String) -> String {
        let height = 90.0 + Double(bars.count) * 46
        let total = bars.map { $0.1.filter { $0 > 0 }.reduce(0, +) }.max() ?? 1
        let x = Scale(domain: 0...max(total, 1), range: (200, width - margin.right))
        var out = ""
        for (i, (name, values)) in bars.enumerated() {
            let top = 20 + Double(i) * 46
            out += text(190, top + 22, name, anchor: "end")
            var start = 0.0
            for (k, value) in values.enumerated() where value > 0 {
                let colour = palette[k % palette.count]
                out +=
                    "<rect x=\"\(number(x(start)))\" y=\"\(number(top))\" width=\"\(number(x(start + value) - x(start)))\" "
                out +=
                    "height=\"32\" fill=\"\(colour)\"><title>\(escape(segments[k])): \(Format.musd(value)) MUSD</title></rect>\n"
                if x(start + value) - x(start) > 60 {
                    out += text(
                        (x(start) + x(start + value)) / 2, top + 21, Format.musd(value), size: 11,
                        extra: "fill=\"#fff\"")
                }
                start += value
            }
        }
        let axisY = 20 + Double(bars.count) * 46
        out += line(200, axisY, width - margin.right, axisY, "stroke=\"#333\"")
        for (value, label) in ticks(x.domain, Format.musd) { out += text(x(value), axisY + 16, label, size: 11) }
        out += text((200 + width) / 2, axisY + 34, unit, size: 12)
        out += legend(segments, colours: segments.indices.map { palette[$0 % palette.count] }, y: height - 10)
        return svg(height: height, out, title: "cost per agency by sharing rule")
    }

    /// Lines over years (solid) and reference lines (dashed, same colours).
    static func lines(
        series: [(String, [(Double, Double)])], dashed: [(String, [(Double, Double)])], xLabel: String, yLabel: String
    ) -> String {
        let all = (series + dashed).flatMap(\.1)
        guard let x0 = all.map(\.0).min(), let x1 = all.map(\.0).max(), let y1 = all.map(\.1).max() else {
            return "<p>No data.</p>"
        }
        let height = 380.0
        let x = Scale(domain: x0...max(x1, x0 + 1), range: (margin.left, width - margin.right))
        let y = Scale(domain: 0...max(y1, 1) * 1.05, range: (height - margin.bottom, margin.top))
        var out = axes(height: height, xLabel: xLabel, yLabel: yLabel)
        for (value, label) in ticks(y.domain, Format.musd) {
            out += line(margin.left, y(value), width - margin.right, y(value), "stroke=\"#eee\"")
            out += text(margin.left - 8, y(value) + 4, label, anchor: "end", size: 11)
        }
        for (value, _) in ticks(x.domain, { _ in "" }) {
            out += text(x(value), height - margin.bottom + 18, "FY\(DecimalText.whole(value))", size: 11)
        }
        let colours = Dictionary(uniqueKeysWithValues: series.enumerated().map { ($1.0, palette[$0 % palette.count]) })
        func path(_ points: [(Double, Double)]) -> String {
            points.enumerated().map { i, p in "\(i == 0 ? "M" : "L")\(number(x(p.0))),\(number(y(p.1)))" }
                .joined(separator: " ")
        }
        for (name, points) in series {
            out +=
                "<path d=\"\(path(points))\" fill=\"none\" stroke=\"\(colours[name] ?? "#000")\" stroke-width=\"2.5\"/>\n"
        }
        for (name, points) in dashed {
            out += "<path d=\"\(path(points))\" fill=\"none\" stroke=\"\(colours[name] ?? "#000")\" "
            out += "stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
        }
        out += legend(series.map(\.0), colours: series.map { colours[$0.0] ?? "#000" }, y: height - 12)
        return svg(height: height, out, title: yLabel)
    }

    /// Paired horizontal bars from a centre line at zero, one row per input, from -1 to 1.
    static func tornado(rows: [(String, Double, Double)], legend names: (String, String)) -> String {
        let height = 70.0 + Double(rows.count) * 30
        let x = Scale(domain: -1...1, range: (330, width - margin.right))
        var out = ""
        for (i, (name, schedule, cost)) in rows.enumerated() {
            let top = 14 + Double(i) * 30
            out += text(320, top + 16, name, anchor: "end", size: 12)
            for (k, value) in [schedule, cost].enumerated() {
                let left = min(x(0), x(value))
                out += "<rect x=\"\(number(left))\" y=\"\(number(top + Double(k) * 11))\" "
                out += "width=\"\(number(abs(x(value) - x(0))))\" height=\"10\" fill=\"\(palette[k])\">"
                out += "<title>\(escape(name)): \(Format.fixed(value, 2))</title></rect>\n"
            }
        }
        let axisY = 14 + Double(rows.count) * 30
        out += line(x(0), 8, x(0), axisY, "stroke=\"#333\"")
        out += line(x.range.lowerBound, axisY, x.range.upperBound, axisY, "stroke=\"#333\"")
        for value in [-1.0, -0.5, 0, 0.5, 1] { out += text(x(value), axisY + 16, Format.fixed(value, 1), size: 11) }
        out += text((x.range.lowerBound + x.range.upperBound) / 2, axisY + 32, "Spearman rank correlation", size: 12)
        out += legend([names.0, names.1], colours: [palette[0], palette[1]], y: height - 8)
        return svg(height: height, out, title: "tornado chart of risk drivers")
    }

    /// Horizontal bars from 0 to 1.
    static func horizontalBars(
        rows: [(String, Double, String)], unit: String, maximum: Double = 1, format: (Double) -> String = Format.percent
    ) -> String {
        let height = 50.0 + Double(rows.count) * 24
        let top = max(maximum, rows.map(\.1).max() ?? 0, 1e-9)
        let x = Scale(domain: 0...top, range: (260, width - margin.right - 60))
        var out = ""
        for (i, (name, value, colour)) in rows.enumerated() {
            let y = 10 + Double(i) * 24
            out += text(250, y + 14, name, anchor: "end", size: 12)
            out +=
                "<rect x=\"\(number(x(0)))\" y=\"\(number(y))\" width=\"\(number(max(0, x(value) - x(0))))\" height=\"18\" "
            out += "fill=\"\(colour)\"/>"
            out += text(max(x(0), x(value)) + 6, y + 14, format(value), anchor: "start", size: 11)
        }
        let axisY = 10 + Double(rows.count) * 24
        out += line(x(0), axisY, x(top), axisY, "stroke=\"#333\"")
        out += text((x(0) + x(top)) / 2, axisY + 22, unit, size: 12)
        return svg(height: height, out, title: unit)
    }

    /// One lane of the Gantt chart.
    struct Lane {
        var label: String
        var agency: String
        var colour: String
        var start: Double
        var end: Double
        var launch: Double?
        var inPlace: Double?
        var critical: Bool
        var lost: Bool
    }

    static func gantt(
        lanes: [Lane], arrows: [(from: Int, to: Int, day: Double)], ticks: (ClosedRange<Double>) -> [(Double, String)],
        horizon: Double, windows: [(start: Double, width: Double)] = []
    ) -> String {
        let laneHeight = 22.0
        let height = 60.0 + Double(lanes.count) * laneHeight
        let high = max(horizon, lanes.map { max($0.end, $0.inPlace ?? 0, $0.launch ?? 0) }.max() ?? 1)
        let low = lanes.map(\.start).min() ?? 0
        let x = Scale(domain: low...max(high, low + 1), range: (230, width - margin.right))
        var out = ""
        func y(_ i: Int) -> Double { 10 + Double(i) * laneHeight }
        for (value, label) in ticks(x.domain) {
            out += line(x(value), 6, x(value), height - 40, "stroke=\"#eee\"")
            out += text(x(value), height - 24, label, size: 11)
        }
        // Launch windows: pale bands across every lane.
        for window in windows where x.domain.contains(window.start) {
            out +=
                "<rect x=\"\(number(x(window.start)))\" y=\"6\" width=\"\(number(max(2, x(window.start + window.width) - x(window.start))))\" "
            out +=
                "height=\"\(number(height - 46))\" fill=\"#F0E442\" opacity=\"0.35\"><title>launch window</title></rect>\n"
        }
        for (i, lane) in lanes.enumerated() {
            out += text(222, y(i) + 14, "\(lane.label) (\(lane.agency))", anchor: "end", size: 11)
            let stroke = lane.critical ? " stroke=\"#000\" stroke-width=\"2.5\"" : ""
            out += "<rect x=\"\(number(x(lane.start)))\" y=\"\(number(y(i) + 3))\" "
            out +=
                "width=\"\(number(max(1, x(lane.end) - x(lane.start))))\" height=\"14\" fill=\"\(lane.colour)\"\(stroke)>"
            out += "<title>\(escape(lane.label)): development</title></rect>\n"
            if let launch = lane.launch { out += text(x(launch), y(i) + 16, "▲", size: 12) }
            if let inPlace = lane.inPlace, !lane.lost {
                // Just after the launch marker when they fall on the same day (transit of a few days).
                let at = max(x(inPlace), lane.launch.map { x($0) + 12 } ?? 0)
                out += text(at, y(i) + 16, "●", size: 10)
            }
            if lane.lost { out += text(x(lane.end) + 8, y(i) + 16, "✕", size: 12, extra: "fill=\"#D55E00\"") }
        }
        for arrow in arrows {
            out += line(
                x(arrow.day), y(arrow.from) + 10, x(arrow.day), y(arrow.to) + 10,
                "stroke=\"#555\" stroke-width=\"1\" marker-end=\"url(#arrow)\"")
        }
        let defs =
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" "
            + "markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n"
        return svg(height: height, defs + out, title: "Gantt chart of one trial")
    }
}
