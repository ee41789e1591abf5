import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation

/// The lines the text and HTML reports share about loss of crew and about losses attributed to elements.
enum CrewText {
    /// "Loss of crew: 12.0 % [10.1-14.2] of trials (95 % Wilson interval); campaign cancelled: 20.0 % [...],
    /// after a loss of crew: 2.5 % [...]".
    static func lossOfCrew(_ result: MonteCarloResult) -> String {
        "Loss of crew: \(interval(result.lossOfCrew)) of trials (95 % Wilson interval); campaign cancelled: "
            + "\(interval(result.programmeCancelled)), after a loss of crew: "
            + interval(result.cancelledAfterLossOfCrew)
    }

    /// The three most frequent losses of objective `o`, each naming its element: "element failure
    /// (art3-hls) 4.1 %, launch failure (art3-sls) 2.0 %".
    static func losses(_ result: MonteCarloResult, objective o: Int) -> String {
        result.attributedLosses(o).prefix(3).map { loss in
            // A cause seen in a handful of trials is not "0.0 %".
            "\(result.text(loss.loss)) \(loss.probability < 0.0005 ? "<0.1 %" : Format.percent(loss.probability))"
        }.joined(separator: ", ")
    }

    static func interval(_ p: Proportion) -> String {
        let (low, high) = p.interval
        return "\(Format.percent(p.value)) [\(Format.fixed(low * 100, 1))-\(Format.fixed(high * 100, 1))]"
    }
}
